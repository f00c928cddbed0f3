-- Up Migration
-- bench:server (issue 13): the marketplace's facet counts read every listed device's filter columns. From this
-- index alone (an index-only scan) they read a few hundred pages instead of the devices' rows with their data:
-- 328 -> 152 ms a facet count over 33,000 listed devices (100,000 in all) on a loaded machine.
CREATE INDEX devices_facets ON devices (status) INCLUDE (category, condition, department_id, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from);

-- Down Migration
DROP INDEX devices_facets;

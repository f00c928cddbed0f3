-- Up Migration
-- bench:server (issue 13, wt-srv2): a search page walks a sort's index until it has found the page's devices
-- (0003). With text or a sparse filter most rows it walks fail, and each was read from the table (about 9 rows
-- to an 8 kB page, the device's data inline): "galaxy" among the listed devices by model read 29,622 pages,
-- 217 ms, because the Samsung rows sort after 30,000 others. Each sort's index now also carries every column a
-- search filters on (the facets' columns of 0002 and the search text), so the page's ids are found from the index
-- alone (an index-only scan) and only the page's 50 rows are read: 897 pages, 31 ms (load average 18). The
-- search's group counts (search-counts.ts) with text read these indexes alone as well.
-- The sort expressions are SORT_SQL's (core/store/postgres/sql.ts) word for word, or the planner does not use them.
DROP INDEX devices_status_updated;
DROP INDEX devices_status_reported;
DROP INDEX devices_updated;
DROP INDEX devices_status_model;
DROP INDEX devices_status_year;
DROP INDEX devices_status_ram;
DROP INDEX devices_model;
DROP INDEX devices_year;
DROP INDEX devices_ram;
DROP INDEX devices_reported;
CREATE INDEX devices_status_updated ON devices (status, updated_at DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_status_reported ON devices (status, reported_at DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_status_model ON devices (status, manufacturer, model, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_status_year ON devices (status, (COALESCE(year, 0)) DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_status_ram ON devices (status, (COALESCE(ram_gb, -1)) DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_updated ON devices (updated_at DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_reported ON devices (reported_at DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_model ON devices (manufacturer, model, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_year ON devices ((COALESCE(year, 0)) DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
CREATE INDEX devices_ram ON devices ((COALESCE(ram_gb, -1)) DESC, id) INCLUDE (category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, haystack);
ANALYZE devices;

-- Down Migration
DROP INDEX devices_ram;
DROP INDEX devices_year;
DROP INDEX devices_model;
DROP INDEX devices_reported;
DROP INDEX devices_updated;
DROP INDEX devices_status_ram;
DROP INDEX devices_status_year;
DROP INDEX devices_status_model;
DROP INDEX devices_status_reported;
DROP INDEX devices_status_updated;
CREATE INDEX devices_status_updated ON devices (status, updated_at DESC, id);
CREATE INDEX devices_status_reported ON devices (status, reported_at DESC, id);
CREATE INDEX devices_updated ON devices (updated_at DESC, id);
CREATE INDEX devices_status_model ON devices (status, manufacturer, model, id);
CREATE INDEX devices_status_year ON devices (status, (COALESCE(year, 0)) DESC, id);
CREATE INDEX devices_status_ram ON devices (status, (COALESCE(ram_gb, -1)) DESC, id);
CREATE INDEX devices_model ON devices (manufacturer, model, id);
CREATE INDEX devices_year ON devices ((COALESCE(year, 0)) DESC, id);
CREATE INDEX devices_ram ON devices ((COALESCE(ram_gb, -1)) DESC, id);
CREATE INDEX devices_reported ON devices (reported_at DESC, id);

-- Up Migration
-- bench:server (issue 13): every lifecycle step updates its device's row, and each update clears its table page's
-- all-visible bit, so the sort indexes' index-only scans (0004) read the rows from the table again until the
-- table is vacuumed. By default that is after a fifth of its rows have changed (20,000 at 100,000 devices, weeks
-- of a municipality's work). Measured on bench:server's data set: after 2,000 updates (a minute of 50 desks) a
-- search of the listed phones by RAM fetched 4,031 rows from the table, 10 -> 46 ms, and the phones by model
-- 7.7 -> 18.5 ms; a VACUUM of the table (1.3 s, 1 s of CPU: it reads all 19 indexes whatever it removes) brought
-- both back. Vacuumed after every 5,000 changed rows instead, and its statistics renewed as often. (After every
-- 1,000, bench:server's desks had it vacuumed every 20-30 s, 0.85 s of CPU each: more than it saved them.)
ALTER TABLE devices SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);

-- Down Migration
ALTER TABLE devices RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor, autovacuum_analyze_threshold);

-- Up Migration
-- Kredsløb's shared-mode schema (issue 13). Text that is sorted or compared is COLLATE "C", so orders match the
-- file store's (JavaScript compares UTF-16 code units) whatever the database's locale. Instants are ISO text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE devices (
  id text COLLATE "C" PRIMARY KEY,
  asset_tag text COLLATE "C" NOT NULL UNIQUE,
  category text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  department_id text COLLATE "C" NOT NULL,
  location_id text COLLATE "C",
  batch_id text COLLATE "C",
  serial_key text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  reported_at text COLLATE "C" NOT NULL,
  manufacturer text COLLATE "C" NOT NULL,
  model text COLLATE "C" NOT NULL,
  year integer,
  ram_gb double precision,
  storage_gb double precision,
  screen_inch double precision,
  condition text COLLATE "C",
  data_bearing boolean NOT NULL,
  wiped boolean NOT NULL,
  available_from text COLLATE "C",
  haystack text NOT NULL,
  trail_length integer NOT NULL DEFAULT 0,
  data jsonb NOT NULL
);
CREATE INDEX devices_status_updated ON devices (status, updated_at DESC, id);
CREATE INDEX devices_status_reported ON devices (status, reported_at DESC, id);
CREATE INDEX devices_updated ON devices (updated_at DESC, id);
CREATE INDEX devices_category ON devices (category, status);
CREATE INDEX devices_department ON devices (department_id, status);
CREATE INDEX devices_location ON devices (location_id) WHERE location_id IS NOT NULL;
CREATE INDEX devices_batch ON devices (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX devices_serial ON devices (serial_key);
CREATE INDEX devices_haystack ON devices USING gin (haystack gin_trgm_ops);

-- The trail: append-only, numbered per device. `data` is json (kept as written) so an event reads back exactly.
CREATE TABLE events (
  device_id text COLLATE "C" NOT NULL,
  seq integer NOT NULL,
  type text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  link text,
  data json NOT NULL,
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX events_at ON events (at, type);

CREATE TABLE reservations (
  id text COLLATE "C" PRIMARY KEY,
  device_id text COLLATE "C" NOT NULL,
  department_id text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  expires_at text COLLATE "C" NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX reservations_device_status ON reservations (device_id, status);
CREATE INDEX reservations_department ON reservations (department_id, status, created_at DESC);
CREATE INDEX reservations_created ON reservations (created_at DESC, id DESC);
CREATE INDEX reservations_status_expires ON reservations (status, expires_at);

-- Reference data of every kind (ReferenceData in core/store/store.ts), sanitization records and the settings:
-- one table keyed by kind and key, so a new kind needs no migration. `ord` keeps the order records were first written.
CREATE TABLE records (
  kind text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  ord bigserial NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX records_kind_ord ON records (kind, ord);

CREATE TABLE meta (key text PRIMARY KEY, value bigint NOT NULL);

CREATE TABLE attachments (sha256 text PRIMARY KEY, bytes bytea NOT NULL);

CREATE TABLE wanted_requests (
  id text COLLATE "C" PRIMARY KEY,
  department_id text COLLATE "C" NOT NULL,
  index_key text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX wanted_open_key ON wanted_requests (status, index_key);
CREATE INDEX wanted_department ON wanted_requests (department_id, created_at DESC);

CREATE TABLE notifications (
  id text COLLATE "C" PRIMARY KEY,
  ord bigserial NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  device_id text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  unread boolean NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_device ON notifications (device_id, ord);

-- Down Migration
DROP TABLE notifications;
DROP TABLE wanted_requests;
DROP TABLE attachments;
DROP TABLE meta;
DROP TABLE records;
DROP TABLE reservations;
DROP TABLE events;
DROP TABLE devices;

-- Records are JSON documents validated by the domain's zod schemas on every read and write;
-- the columns beside them carry what the store itself needs: versions, soft deletion, history.
-- seq keeps the order records were created in (lists show them so, as SQLite's rowid does).
CREATE TABLE partners (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  body jsonb NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text,
  removed_at timestamptz
);
CREATE TABLE people (LIKE partners INCLUDING ALL);
CREATE TABLE events (LIKE partners INCLUDING ALL);
CREATE TABLE actions (LIKE partners INCLUDING ALL);
CREATE TABLE tracks (
  id text PRIMARY KEY,
  position integer NOT NULL,
  body jsonb NOT NULL
);
CREATE TABLE profile (
  id integer PRIMARY KEY CHECK (id = 1),
  body jsonb NOT NULL
);
CREATE TABLE history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity text NOT NULL,
  entity_id text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL,
  change text NOT NULL,
  diff jsonb NOT NULL
);
CREATE INDEX history_by_entity ON history (entity, entity_id, id);
CREATE INDEX history_by_time ON history (at);
-- Which seed sets were applied, so seeding runs once and never overwrites later edits.
CREATE TABLE seeds (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL
);

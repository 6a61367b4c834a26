-- Records are JSON documents validated by the domain's zod schemas on every read and write;
-- the columns beside them carry what the store itself needs: versions, soft deletion, history.
CREATE TABLE partners (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (json_valid(body)),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  removed_at TEXT
);
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (json_valid(body)),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  removed_at TEXT
);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (json_valid(body)),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  removed_at TEXT
);
CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (json_valid(body)),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  removed_at TEXT
);
CREATE TABLE tracks (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body))
);
CREATE TABLE profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  body TEXT NOT NULL CHECK (json_valid(body))
);
CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  change TEXT NOT NULL,
  diff TEXT NOT NULL CHECK (json_valid(diff))
);
CREATE INDEX history_by_entity ON history (entity, entity_id, id);
CREATE INDEX history_by_time ON history (at);
-- Which seed sets were applied, so seeding runs once and never overwrites later edits.
CREATE TABLE seeds (
  name TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
);

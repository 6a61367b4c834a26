-- The about card (purpose, sector figures with their year and source, the four action tracks)
-- becomes one versioned JSON record like the others, which coordinators edit, with history. A
-- new database gets it from the seed; one seeded before gets it from the release at start (see
-- seed/about-record.ts). The tracks and profile tables it replaces are left as they were, unread,
-- for a process of the previous version still running during an upgrade.
CREATE TABLE about (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (json_valid(body)),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  removed_at TEXT
);

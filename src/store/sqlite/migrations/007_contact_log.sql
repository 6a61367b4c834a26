-- The contact log: every call, meeting, e-mail or note with a partner, dated, as versioned JSON
-- records like the others (history, soft deletion). Internal only: never sent to Notion as text.
CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (json_valid(body)),
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  removed_at TEXT
);

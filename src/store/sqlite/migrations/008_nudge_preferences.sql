-- People's choice about their weekly personal nudges (`/corridor nudges off` / `on`): a person
-- without a row is nudged. enabled is 0 or 1.
CREATE TABLE nudge_preferences (
  user_id TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  changed_at TEXT NOT NULL
);

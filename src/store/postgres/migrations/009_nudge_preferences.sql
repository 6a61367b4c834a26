-- People's choice about their weekly personal nudges (`/corridor nudges off` / `on`): a person
-- without a row is nudged.
CREATE TABLE nudge_preferences (
  user_id text PRIMARY KEY,
  enabled boolean NOT NULL,
  changed_at timestamptz NOT NULL
);

-- A claim holds while its holder renews its lease; older claims (no lease) count as lapsed.
ALTER TABLE job_runs ADD COLUMN lease_until timestamptz;
UPDATE job_runs SET lease_until = claimed_at WHERE state = 'claimed';
-- Slack events already handled (their event_id), so a retry is not handled twice.
CREATE TABLE deliveries (
  key text PRIMARY KEY,
  seen_at timestamptz NOT NULL
);
CREATE INDEX deliveries_by_time ON deliveries (seen_at);
-- Named leases: one Notion sync at a time, whoever started it.
CREATE TABLE leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  until timestamptz NOT NULL
);
-- Users whose Home tab is refreshed after a change, whichever process made it.
CREATE TABLE home_viewers (
  user_id text PRIMARY KEY,
  seen_at timestamptz NOT NULL
);
CREATE INDEX home_viewers_by_time ON home_viewers (seen_at);

-- Scheduled posts (reminders, digests), one row per job and period: a run is claimed before
-- posting, so two processes, a restart or a double cron firing never post the same period twice.
CREATE TABLE job_runs (
  job TEXT NOT NULL,
  period TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'done', 'skipped', 'failed')),
  -- Who holds the claim; only the holder may finish it.
  claim_token TEXT,
  claimed_by TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  finished_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 1,
  channel TEXT,
  message_ts TEXT,
  error TEXT,
  PRIMARY KEY (job, period)
);
CREATE INDEX job_runs_by_state ON job_runs (job, state, finished_at);
-- Partners left out of the pending-adhesion reminders until a date.
CREATE TABLE snoozes (
  partner_id TEXT PRIMARY KEY,
  until TEXT NOT NULL,
  snoozed_by TEXT NOT NULL,
  snoozed_at TEXT NOT NULL
);

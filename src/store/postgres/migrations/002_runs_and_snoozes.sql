-- Scheduled posts (reminders, digests), one row per job and period: a run is claimed before
-- posting, so two processes, a restart or a double cron firing never post the same period twice.
CREATE TABLE job_runs (
  job text NOT NULL,
  period text NOT NULL,
  state text NOT NULL CHECK (state IN ('claimed', 'done', 'skipped', 'failed')),
  -- Who holds the claim; only the holder may finish it.
  claim_token text,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL,
  finished_at timestamptz,
  attempts integer NOT NULL DEFAULT 1,
  channel text,
  message_ts text,
  error text,
  PRIMARY KEY (job, period)
);
CREATE INDEX job_runs_by_state ON job_runs (job, state, finished_at);
-- Partners left out of the pending-adhesion reminders until a day (YYYY-MM-DD, kept as text
-- so that no time zone of the server or the client shifts it).
CREATE TABLE snoozes (
  partner_id text PRIMARY KEY,
  until text COLLATE "C" NOT NULL CHECK (until ~ '^\d{4}-\d{2}-\d{2}$'),
  snoozed_by text NOT NULL,
  snoozed_at timestamptz NOT NULL
);

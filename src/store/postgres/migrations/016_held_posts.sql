-- Posts held over a public holiday until the next working day, beside the run ledger: a restart or
-- another replica sends them then. `settled_at`: when the held post went out (its run needs no retry);
-- a period done or skipped in job_runs counts as settled too. `given_way_to` names a later held post
-- of the same job due at the same instant, sent instead.
CREATE TABLE held_posts (
  job text NOT NULL,
  period text NOT NULL,
  due_at timestamptz NOT NULL,
  held_by text NOT NULL,
  held_at timestamptz NOT NULL,
  given_way_to text,
  settled_at timestamptz,
  PRIMARY KEY (job, period)
);
CREATE INDEX held_posts_by_due ON held_posts (due_at);

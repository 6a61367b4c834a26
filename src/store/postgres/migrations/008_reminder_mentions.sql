-- Follow-up owners @-mentioned by the pending-adhesion reminder, per adhesion and ISO week
-- (`2026-W48`): an owner is pinged at most once a week per adhesion, whichever replica posts.
CREATE TABLE reminder_mentions (
  partner_id text NOT NULL,
  user_id text NOT NULL,
  week text COLLATE "C" NOT NULL CHECK (week ~ '^\d{4}-W\d{2}$'),
  mentioned_at timestamptz NOT NULL,
  PRIMARY KEY (partner_id, user_id, week)
);

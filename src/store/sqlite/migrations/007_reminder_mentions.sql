-- Follow-up owners @-mentioned by the pending-adhesion reminder, per adhesion and ISO week
-- (`2026-W48`): an owner is pinged at most once a week per adhesion, whichever process posts.
CREATE TABLE reminder_mentions (
  partner_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  week TEXT NOT NULL,
  mentioned_at TEXT NOT NULL,
  PRIMARY KEY (partner_id, user_id, week)
);

-- Which record a form submission created: Slack may deliver a submission twice, and the second
-- must find the first's record instead of creating another.
CREATE TABLE form_creations (
  form_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (form_id, entity)
);

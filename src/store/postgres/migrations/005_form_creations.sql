-- Which form (Slack's view ID) created which record: a form Slack delivers twice creates one record.
CREATE TABLE form_creations (
  form_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (form_id, entity)
);

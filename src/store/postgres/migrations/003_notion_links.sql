-- Which Notion page shows each record, and what the sync last wrote there: the sync compares
-- it with Notion's current values to tell a Notion edit from a change in the store.
-- pushed_values is json, not jsonb: it keeps the values exactly as written, key order included.
CREATE TABLE notion_links (
  data_source_id text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('partner', 'action')),
  record_id text NOT NULL,
  page_id text NOT NULL,
  pushed_hash text NOT NULL,
  pushed_values json NOT NULL,
  pushed_at text NOT NULL,
  notion_edited_at text,
  archived boolean NOT NULL DEFAULT false,
  PRIMARY KEY (data_source_id, entity, record_id)
);
CREATE INDEX notion_links_by_page ON notion_links (page_id);
-- The data source behind each configured database, so a sync need not look it up each time.
CREATE TABLE notion_data_sources (
  database_id text PRIMARY KEY,
  data_source_id text NOT NULL,
  resolved_at timestamptz NOT NULL
);

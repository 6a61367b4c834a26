-- Which Notion page shows each record, and what the sync last wrote there: the sync compares
-- it with Notion's current values to tell a Notion edit from a change in the store.
CREATE TABLE notion_links (
  data_source_id TEXT NOT NULL,
  entity TEXT NOT NULL CHECK (entity IN ('partner', 'action')),
  record_id TEXT NOT NULL,
  page_id TEXT NOT NULL,
  pushed_hash TEXT NOT NULL,
  pushed_values TEXT NOT NULL CHECK (json_valid(pushed_values)),
  pushed_at TEXT NOT NULL,
  notion_edited_at TEXT,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  PRIMARY KEY (data_source_id, entity, record_id)
);
CREATE INDEX notion_links_by_page ON notion_links (page_id);
-- The data source behind each configured database, so a sync need not look it up each time.
CREATE TABLE notion_data_sources (
  database_id TEXT PRIMARY KEY,
  data_source_id TEXT NOT NULL,
  resolved_at TEXT NOT NULL
);

-- Events have Notion pages too: notion_links accepts the entity 'event'. SQLite cannot change a
-- CHECK constraint in place, so the table is made again with its rows.
CREATE TABLE notion_links_with_events (
  data_source_id TEXT NOT NULL,
  entity TEXT NOT NULL CHECK (entity IN ('partner', 'action', 'person', 'event')),
  record_id TEXT NOT NULL,
  page_id TEXT NOT NULL,
  pushed_hash TEXT NOT NULL,
  pushed_values TEXT NOT NULL CHECK (json_valid(pushed_values)),
  pushed_at TEXT NOT NULL,
  notion_edited_at TEXT,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  PRIMARY KEY (data_source_id, entity, record_id)
);
INSERT INTO notion_links_with_events (data_source_id, entity, record_id, page_id, pushed_hash, pushed_values, pushed_at, notion_edited_at, archived)
  SELECT data_source_id, entity, record_id, page_id, pushed_hash, pushed_values, pushed_at, notion_edited_at, archived FROM notion_links;
DROP TABLE notion_links;
ALTER TABLE notion_links_with_events RENAME TO notion_links;
CREATE INDEX notion_links_by_page ON notion_links (page_id);

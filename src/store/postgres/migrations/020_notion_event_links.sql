-- Events have Notion pages too: notion_links accepts the entity 'event'.
ALTER TABLE notion_links DROP CONSTRAINT notion_links_entity_check;
ALTER TABLE notion_links ADD CONSTRAINT notion_links_entity_check CHECK (entity IN ('partner', 'action', 'person', 'event'));

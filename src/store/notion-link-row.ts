import type { NotionLink, NotionLinkEntity } from './notion-links.js';

/** A notion_links row as both databases return it: JSON as text or jsonb, the flag as 0/1 or boolean. */
export interface NotionLinkRow {
  data_source_id: string;
  entity: NotionLinkEntity;
  record_id: string;
  page_id: string;
  pushed_hash: string;
  pushed_values: string | Record<string, unknown>;
  pushed_at: string;
  notion_edited_at: string | null;
  archived: number | boolean;
}

export function notionLinkFromRow(row: NotionLinkRow): NotionLink {
  return {
    dataSourceId: row.data_source_id,
    entity: row.entity,
    recordId: row.record_id,
    pageId: row.page_id,
    pushedHash: row.pushed_hash,
    pushedValues: typeof row.pushed_values === 'string' ? (JSON.parse(row.pushed_values) as Record<string, unknown>) : row.pushed_values,
    pushedAt: row.pushed_at,
    notionEditedAt: row.notion_edited_at,
    archived: row.archived === true || row.archived === 1,
  };
}

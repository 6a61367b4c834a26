import type { NotionLink, NotionLinkEntity, NotionLinks } from '../notion-links.js';
import type { PgDatabase } from './pg-database.js';
import { notionLinkFromRow, type NotionLinkRow } from '../notion-link-row.js';


export class PgNotionLinks implements NotionLinks {
  constructor(private readonly db: PgDatabase) {}

  async list(dataSourceId: string, entity: NotionLinkEntity): Promise<NotionLink[]> {
    const rows = await this.db.rows<NotionLinkRow>('SELECT * FROM notion_links WHERE data_source_id = $1 AND entity = $2 ORDER BY record_id COLLATE "C"', [dataSourceId, entity]);
    return rows.map(notionLinkFromRow);
  }

  async get(dataSourceId: string, entity: NotionLinkEntity, recordId: string): Promise<NotionLink | undefined> {
    const row = await this.db.row<NotionLinkRow>('SELECT * FROM notion_links WHERE data_source_id = $1 AND entity = $2 AND record_id = $3', [
      dataSourceId,
      entity,
      recordId,
    ]);
    return row && notionLinkFromRow(row);
  }

  async save(link: NotionLink): Promise<void> {
    await this.db.rows(
      `INSERT INTO notion_links (data_source_id, entity, record_id, page_id, pushed_hash, pushed_values, pushed_at, notion_edited_at, archived)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (data_source_id, entity, record_id) DO UPDATE SET page_id = excluded.page_id,
         pushed_hash = excluded.pushed_hash, pushed_values = excluded.pushed_values, pushed_at = excluded.pushed_at,
         notion_edited_at = excluded.notion_edited_at, archived = excluded.archived`,
      [link.dataSourceId, link.entity, link.recordId, link.pageId, link.pushedHash, JSON.stringify(link.pushedValues), link.pushedAt, link.notionEditedAt, link.archived],
    );
  }

  async dataSourceOf(databaseId: string): Promise<string | undefined> {
    return (await this.db.row<{ data_source_id: string }>('SELECT data_source_id FROM notion_data_sources WHERE database_id = $1', [databaseId]))?.data_source_id;
  }

  async rememberDataSource(databaseId: string, dataSourceId: string, at: Date): Promise<void> {
    await this.db.rows(
      `INSERT INTO notion_data_sources (database_id, data_source_id, resolved_at) VALUES ($1, $2, $3)
       ON CONFLICT (database_id) DO UPDATE SET data_source_id = excluded.data_source_id, resolved_at = excluded.resolved_at`,
      [databaseId, dataSourceId, at],
    );
  }
}

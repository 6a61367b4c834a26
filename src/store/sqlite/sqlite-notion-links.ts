import type Database from 'better-sqlite3';
import type { NotionLink, NotionLinkEntity, NotionLinks } from '../notion-links.js';
import { BACKGROUND_WRITE_PATIENCE_MS, whenNotBusy } from './busy-retry.js';
import { notionLinkFromRow, type NotionLinkRow } from '../notion-link-row.js';


/** NotionLinks in the store's SQLite file (migration 003); reached as `store.notionLinks`. */
export class SqliteNotionLinks implements NotionLinks {
  private readonly selectAll: Database.Statement<[string, string], NotionLinkRow>;
  private readonly selectOne: Database.Statement<[string, string, string], NotionLinkRow>;
  private readonly upsert: Database.Statement<[NotionLinkRow]>;
  private readonly selectSource: Database.Statement<[string], { data_source_id: string }>;
  private readonly upsertSource: Database.Statement<[string, string, string]>;

  constructor(
    db: Database.Database,
    /** The Notion sync writes these; nobody waits on it in Slack. */
    private readonly patienceMs = BACKGROUND_WRITE_PATIENCE_MS,
  ) {
    this.selectAll = db.prepare('SELECT * FROM notion_links WHERE data_source_id = ? AND entity = ? ORDER BY record_id');
    this.selectOne = db.prepare('SELECT * FROM notion_links WHERE data_source_id = ? AND entity = ? AND record_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO notion_links (data_source_id, entity, record_id, page_id, pushed_hash, pushed_values, pushed_at, notion_edited_at, archived)
       VALUES (@data_source_id, @entity, @record_id, @page_id, @pushed_hash, @pushed_values, @pushed_at, @notion_edited_at, @archived)
       ON CONFLICT (data_source_id, entity, record_id) DO UPDATE SET page_id = excluded.page_id,
         pushed_hash = excluded.pushed_hash, pushed_values = excluded.pushed_values, pushed_at = excluded.pushed_at,
         notion_edited_at = excluded.notion_edited_at, archived = excluded.archived`,
    );
    this.selectSource = db.prepare('SELECT data_source_id FROM notion_data_sources WHERE database_id = ?');
    this.upsertSource = db.prepare(
      `INSERT INTO notion_data_sources (database_id, data_source_id, resolved_at) VALUES (?, ?, ?)
       ON CONFLICT (database_id) DO UPDATE SET data_source_id = excluded.data_source_id, resolved_at = excluded.resolved_at`,
    );
  }

  async list(dataSourceId: string, entity: NotionLinkEntity): Promise<NotionLink[]> {
    return this.selectAll.all(dataSourceId, entity).map(notionLinkFromRow);
  }

  async get(dataSourceId: string, entity: NotionLinkEntity, recordId: string): Promise<NotionLink | undefined> {
    const row = this.selectOne.get(dataSourceId, entity, recordId);
    return row ? notionLinkFromRow(row) : undefined;
  }

  async save(link: NotionLink): Promise<void> {
    const row: NotionLinkRow = {
      data_source_id: link.dataSourceId,
      entity: link.entity,
      record_id: link.recordId,
      page_id: link.pageId,
      pushed_hash: link.pushedHash,
      pushed_values: JSON.stringify(link.pushedValues),
      pushed_at: link.pushedAt,
      notion_edited_at: link.notionEditedAt,
      archived: link.archived ? 1 : 0,
    };
    await whenNotBusy(() => this.upsert.run(row), this.patienceMs);
  }

  async dataSourceOf(databaseId: string): Promise<string | undefined> {
    return this.selectSource.get(databaseId)?.data_source_id;
  }

  async rememberDataSource(databaseId: string, dataSourceId: string, at: Date): Promise<void> {
    await whenNotBusy(() => this.upsertSource.run(databaseId, dataSourceId, at.toISOString()), this.patienceMs);
  }
}

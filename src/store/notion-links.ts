/** Bookkeeping of the Notion sync: which page shows which record, and what was last written there. */
export type NotionLinkEntity = 'partner' | 'action' | 'person' | 'event';

export interface NotionLink {
  /** Data source the page belongs to: links to another database are ignored, not reused. */
  dataSourceId: string;
  entity: NotionLinkEntity;
  recordId: string;
  pageId: string;
  /** Hash of the values last written to the page. */
  pushedHash: string;
  /** The values last written, property by property (canonical form). */
  pushedValues: Record<string, unknown>;
  /** When the sync last wrote the page (ISO instant). */
  pushedAt: string;
  /** Notion's last_edited_time of the page right after that write. */
  notionEditedAt: string | null;
  /** Whether the sync moved the page to the trash (the record is removed in the store). */
  archived: boolean;
}

export interface NotionLinks {
  list(dataSourceId: string, entity: NotionLinkEntity): Promise<NotionLink[]>;
  get(dataSourceId: string, entity: NotionLinkEntity, recordId: string): Promise<NotionLink | undefined>;
  save(link: NotionLink): Promise<void>;
  /** Data source last found behind a database, if any. */
  dataSourceOf(databaseId: string): Promise<string | undefined>;
  rememberDataSource(databaseId: string, dataSourceId: string, at: Date): Promise<void>;
}

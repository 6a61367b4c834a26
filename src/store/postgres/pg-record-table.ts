import type { PoolClient } from 'pg';
import type { z } from 'zod';
import type { Draft, HistoryEntry } from '../../domain/types.js';
import { bodyOf, planRemoval, planSave, recordFromRow, type PlannedWrite, type RecordRow, type StoredRecord } from '../record-row.js';
import type { ListOptions, RecordCollection, WriteContext } from '../corridor-store.js';
import type { PgDatabase } from './pg-database.js';
import type { PgHistoryLog } from './pg-history-log.js';

export type RecordTableName = 'partners' | 'people' | 'events' | 'actions' | 'contacts' | 'about';

/**
 * One table of jsonb records. Every read asks the database (another replica may have written a
 * moment ago): a list, at least for the store's revision (see allRecords); every write runs in a
 * transaction holding the record's lock.
 */
export class PgRecordTable<T extends StoredRecord> implements RecordCollection<T> {
  /** The whole table as last read, with the store revision read just before it (see allRecords). */
  private snapshot: { revision: string; records: T[] } | undefined;

  constructor(
    private readonly db: PgDatabase,
    private readonly table: RecordTableName,
    private readonly entity: HistoryEntry['entity'],
    private readonly schema: z.ZodType<T>,
    private readonly historyLog: PgHistoryLog,
  ) {}

  async list(options: ListOptions = {}): Promise<T[]> {
    const records = await this.allRecords();
    return records.filter((record) => options.includeRemoved || record.removedAt === null);
  }

  /**
   * Lists are the hot path of every slash command, and thousands of rows take long to read and
   * check: the table is read again only when the store's revision has moved, which every commit
   * to the records does, whoever makes it. The revision is read first: a write committed in
   * between leaves newer rows under an older revision, read again next time, never the reverse.
   */
  private async allRecords(): Promise<T[]> {
    const revision = (await this.db.row<{ value: string }>('SELECT value FROM store_revision WHERE id = 1'))!.value;
    if (this.snapshot?.revision === revision) return this.snapshot.records;
    const rows = await this.db.rows<RecordRow>(`SELECT * FROM ${this.table} ORDER BY seq`);
    const records = rows.map((row) => recordFromRow(this.schema, row));
    this.snapshot = { revision, records };
    return records;
  }

  async get(id: string): Promise<T | undefined> {
    const row = await this.db.row<RecordRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    return row && recordFromRow(this.schema, row);
  }

  async createdByForm(formId: string): Promise<T | undefined> {
    return this.createdIn(undefined, formId);
  }

  async save(draft: Draft<T>, write: WriteContext): Promise<T> {
    return this.db.transaction(async (client) => {
      if (write.formId !== undefined) {
        // Two deliveries of one form wait for each other here, then the second finds the first's record.
        await this.db.rows('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`form:${this.entity}:${write.formId}`], client);
        const created = await this.createdIn(client, write.formId);
        if (created) return created;
      }
      const current = await this.lockedRecord(client, draft.id as string);
      const saved = (await this.apply(client, planSave(this.schema, current, draft, write), write)) ?? current!;
      if (!current && write.formId !== undefined) {
        await this.db.rows('INSERT INTO form_creations (form_id, entity, record_id, created_at) VALUES ($1, $2, $3, $4)', [write.formId, this.entity, saved.id, saved.createdAt], client);
      }
      return saved;
    });
  }

  /** The record a form created (inside the caller's transaction when given one). */
  private async createdIn(client: PoolClient | undefined, formId: string): Promise<T | undefined> {
    const row = await this.db.row<RecordRow>(
      `SELECT r.* FROM form_creations f JOIN ${this.table} r ON r.id = f.record_id WHERE f.form_id = $1 AND f.entity = $2`,
      [formId, this.entity],
      client,
    );
    return row && recordFromRow(this.schema, row);
  }

  /** Creates the record unless it exists, inside the seeding transaction. */
  async insertIfMissing(client: PoolClient, draft: Draft<T>, write: WriteContext): Promise<void> {
    const current = await this.lockedRecord(client, draft.id as string);
    if (!current) await this.apply(client, planSave(this.schema, undefined, draft, write), write);
  }

  async remove(id: string, write: WriteContext): Promise<T> {
    return this.setRemoved(id, write, true);
  }

  async restore(id: string, write: WriteContext): Promise<T> {
    return this.setRemoved(id, write, false);
  }

  private async setRemoved(id: string, write: WriteContext, removed: boolean): Promise<T> {
    return this.db.transaction(async (client) => {
      const current = await this.lockedRecord(client, id);
      return (await this.apply(client, planRemoval(this.schema, this.entity, id, current, write, removed), write)) ?? current!;
    });
  }

  /**
   * The record as it stands, locked until the transaction ends. The lock is an advisory one on
   * the record's key rather than FOR UPDATE: it also holds for an ID with no row yet, so two
   * creates of the same ID wait for each other instead of both inserting.
   */
  private async lockedRecord(client: PoolClient, id: string): Promise<T | undefined> {
    await this.db.rows('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.table}:${id}`], client);
    const row = await this.db.row<RecordRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [id], client);
    return row && recordFromRow(this.schema, row);
  }

  private async apply(client: PoolClient, plan: PlannedWrite<T> | undefined, write: WriteContext): Promise<T | undefined> {
    if (!plan) return undefined;
    const record = plan.next;
    await this.db.rows(
      `INSERT INTO ${this.table} (id, body, version, created_at, updated_at, updated_by, removed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, removed_at = excluded.removed_at`,
      [record.id, JSON.stringify(bodyOf(record)), record.version, record.createdAt, record.updatedAt, record.updatedBy, record.removedAt],
      client,
    );
    await this.historyLog.append(client, this.entity, record.id, write, plan.change, plan.diff);
    return record;
  }
}

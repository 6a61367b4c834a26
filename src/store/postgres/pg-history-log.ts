import type { RecordDiff } from '../../domain/diff.js';
import type { HistoryEntry } from '../../domain/types.js';
import { historyEntryFromRow, type HistoryRow } from '../record-row.js';
import type { WriteContext } from '../corridor-store.js';
import type { PgDatabase, Queryable } from './pg-database.js';

/** Append-only log of every change: who, when, old → new values. */
export class PgHistoryLog {
  constructor(private readonly db: PgDatabase) {}

  /** Written on the client of the change's own transaction, so both commit or neither does. */
  async append(client: Queryable, entity: HistoryEntry['entity'], entityId: string, write: WriteContext, change: HistoryEntry['change'], diff: RecordDiff): Promise<void> {
    await this.db.rows(
      'INSERT INTO history (entity, entity_id, actor, at, change, diff) VALUES ($1, $2, $3, $4, $5, $6)',
      [entity, entityId, write.actor, write.now ?? new Date(), change, JSON.stringify(diff)],
      client,
    );
  }

  async forEntity(entity: HistoryEntry['entity'], entityId: string): Promise<HistoryEntry[]> {
    const rows = await this.db.rows<HistoryRow>('SELECT * FROM history WHERE entity = $1 AND entity_id = $2 ORDER BY id', [entity, entityId]);
    return rows.map(historyEntryFromRow);
  }

  async changedSince(since: Date): Promise<HistoryEntry[]> {
    return (await this.db.rows<HistoryRow>('SELECT * FROM history WHERE at >= $1 ORDER BY id', [since])).map(historyEntryFromRow);
  }
}

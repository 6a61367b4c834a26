import type Database from 'better-sqlite3';
import type { RecordDiff } from '../../domain/diff.js';
import type { HistoryEntry } from '../../domain/types.js';
import { historyEntryFromRow, type HistoryRow } from '../record-row.js';
import type { WriteContext } from '../corridor-store.js';

/** Append-only log of every change: who, when, old → new values. */
export class HistoryLog {
  private readonly insert: Database.Statement<[string, string, string, string, string, string]>;
  private readonly byEntity: Database.Statement<[string, string], HistoryRow & { id: number; diff: string }>;
  private readonly since: Database.Statement<[string], HistoryRow & { id: number; diff: string }>;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO history (entity, entity_id, actor, at, change, diff) VALUES (?, ?, ?, ?, ?, ?)');
    this.byEntity = db.prepare('SELECT * FROM history WHERE entity = ? AND entity_id = ? ORDER BY id');
    this.since = db.prepare('SELECT * FROM history WHERE at >= ? ORDER BY id');
  }

  append(entity: HistoryEntry['entity'], entityId: string, write: WriteContext, change: HistoryEntry['change'], diff: RecordDiff): void {
    const at = (write.now ?? new Date()).toISOString();
    this.insert.run(entity, entityId, write.actor, at, change, JSON.stringify(diff));
  }

  forEntity(entity: HistoryEntry['entity'], entityId: string): HistoryEntry[] {
    return this.byEntity.all(entity, entityId).map(historyEntryFromRow);
  }

  changedSince(since: Date): HistoryEntry[] {
    return this.since.all(since.toISOString()).map(historyEntryFromRow);
  }
}

import type { z } from 'zod';
import { diffRecords, type RecordDiff } from '../domain/diff.js';
import { historyEntry, type Draft, type HistoryEntry, type RecordMeta } from '../domain/types.js';
import { RecordNotFoundError, VersionConflictError, type WriteContext } from './corridor-store.js';

export type StoredRecord = RecordMeta & { id: string };

/** A record row as both databases return it: the body as JSON text (SQLite) or parsed (jsonb). */
export interface RecordRow {
  id: string;
  body: string | Record<string, unknown>;
  version: number;
  created_at: string | Date;
  updated_at: string | Date;
  updated_by: string | null;
  removed_at: string | Date | null;
}

const iso = (value: string | Date): string => (typeof value === 'string' ? value : value.toISOString());

/** Validates a row into a frozen record, so callers cannot change it behind the store's back. */
export function recordFromRow<T extends StoredRecord>(schema: z.ZodType<T>, row: RecordRow): T {
  const body = typeof row.body === 'string' ? (JSON.parse(row.body) as Record<string, unknown>) : row.body;
  return Object.freeze(
    schema.parse({
      ...body,
      id: row.id,
      version: Number(row.version),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      updatedBy: row.updated_by,
      removedAt: row.removed_at === null ? null : iso(row.removed_at),
    }),
  );
}

/** The body column: the record without its id and bookkeeping fields. */
export function bodyOf(record: StoredRecord): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, updatedBy: _b, removedAt: _r, ...body } = record;
  return body;
}

/** The row a record is written as: its body as JSON text, its bookkeeping in columns of their own. */
export function rowOf(record: StoredRecord) {
  return {
    id: record.id,
    body: JSON.stringify(bodyOf(record)),
    version: record.version,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    updated_by: record.updatedBy,
    removed_at: record.removedAt,
  };
}

/** A write to perform: the new record and the history entry that goes with it. */
export interface PlannedWrite<T> {
  next: T;
  change: HistoryEntry['change'];
  diff: RecordDiff;
}

/** What a save does to `current`; undefined when nothing changed (nothing is written). */
export function planSave<T extends StoredRecord>(schema: z.ZodType<T>, current: T | undefined, draft: Draft<T>, write: WriteContext): PlannedWrite<T> | undefined {
  const next = schema.parse({ ...draft, ...nextMeta(current, write), removedAt: current?.removedAt ?? null });
  const diff = diffRecords(current, next);
  if (current && Object.keys(diff).length === 0) return undefined;
  return { next, change: current ? 'updated' : 'created', diff };
}

/** What removing (or restoring) does; undefined when the record is already so. */
export function planRemoval<T extends StoredRecord>(
  schema: z.ZodType<T>,
  entity: string,
  id: string,
  current: T | undefined,
  write: WriteContext,
  removed: boolean,
): PlannedWrite<T> | undefined {
  if (!current) throw new RecordNotFoundError(entity, id);
  if ((current.removedAt !== null) === removed) return undefined;
  const meta = nextMeta(current, write);
  const next = schema.parse({ ...current, ...meta, removedAt: removed ? meta.updatedAt : null });
  return { next, change: removed ? 'removed' : 'restored', diff: { removedAt: { from: current.removedAt, to: next.removedAt } } };
}

/** Bumps the version, refusing a write based on a version that is no longer current. */
function nextMeta(current: StoredRecord | undefined, write: WriteContext) {
  if (current && write.expectedVersion !== undefined && write.expectedVersion !== current.version) {
    throw new VersionConflictError(current, write.expectedVersion);
  }
  const now = (write.now ?? new Date()).toISOString();
  return {
    version: current ? current.version + 1 : 1,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
    updatedBy: write.actor,
  };
}

/** A history row as both databases return it. */
export interface HistoryRow {
  id: number | string;
  entity: string;
  entity_id: string;
  actor: string;
  at: string | Date;
  change: string;
  diff: string | RecordDiff;
}

export function historyEntryFromRow(row: HistoryRow): HistoryEntry {
  return historyEntry.parse({
    id: Number(row.id),
    entity: row.entity,
    entityId: row.entity_id,
    actor: row.actor,
    at: iso(row.at),
    change: row.change,
    diff: typeof row.diff === 'string' ? JSON.parse(row.diff) : row.diff,
  });
}

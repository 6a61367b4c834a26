import { isSeedActor } from './digest-changes.js';
import type { HistoryEntry } from './types.js';

/**
 * A record as it stood at an instant, read back from its current version and its history: every
 * change made after that instant is undone field by field. Undefined when the record did not
 * exist yet (created later) or had been removed by then. The seed's writes are the founding
 * facts of the release, not events of a day: a seeded record counts as there from the start.
 */
export function recordAsOf<T extends { removedAt: string | null }>(current: T, history: readonly HistoryEntry[], instant: string): T | undefined {
  let record: Record<string, unknown> = { ...current };
  let exists = true;
  let removed = current.removedAt !== null;
  const later = history.filter((entry) => entry.at > instant && !isSeedActor(entry.actor));
  for (const entry of [...later].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)) {
    if (entry.change === 'created') exists = false;
    if (entry.change === 'removed') removed = false;
    if (entry.change === 'restored') removed = true;
    record = { ...record, ...Object.fromEntries(Object.entries(entry.diff).map(([field, { from }]) => [field, from])) };
  }
  return exists && !removed ? (record as T) : undefined;
}

/** Every record's state at an instant (see recordAsOf), from the history of all records of one kind. */
export function recordsAsOf<T extends { id: string; removedAt: string | null }>(
  records: readonly T[],
  history: readonly HistoryEntry[],
  entity: HistoryEntry['entity'],
  instant: string,
): T[] {
  const byRecord = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    if (entry.entity !== entity) continue;
    const entries = byRecord.get(entry.entityId);
    if (entries) entries.push(entry);
    else byRecord.set(entry.entityId, [entry]);
  }
  return records.flatMap((record) => recordAsOf(record, byRecord.get(record.id) ?? [], instant) ?? []);
}

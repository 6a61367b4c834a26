/** Field-level differences between two versions of a record, ignoring bookkeeping fields. */
export type RecordDiff = Record<string, { from: unknown; to: unknown }>;

const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt', 'updatedBy', 'removedAt']);

export function diffRecords(before: object | undefined, after: object): RecordDiff {
  const diff: RecordDiff = {};
  const previous = (before ?? {}) as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (BOOKKEEPING.has(key)) continue;
    const from = previous[key] ?? null;
    const to = next[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[key] = { from, to };
  }
  return diff;
}

import type { Draft, RecordMeta } from './types.js';

/** A stored record without the store's bookkeeping, ready to be changed and saved again. */
export function draftOf<T extends RecordMeta>(record: T): Draft<T> {
  const { version: _v, createdAt: _c, updatedAt: _u, updatedBy: _b, removedAt: _r, ...draft } = record;
  return draft;
}

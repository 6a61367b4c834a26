/** What the receiver learns about a request while Bolt handles it, carried in Bolt's context. */
export interface RequestRecord {
  failed: boolean;
}

const CONTEXT_KEY = 'corridorRequest';

export function recordProperties(record: RequestRecord): Record<string, unknown> {
  return { [CONTEXT_KEY]: record };
}

/** Marks the request whose Bolt context this is as failed (its listener threw). */
export function markFailed(context: Record<string, unknown>): void {
  const record = context[CONTEXT_KEY] as RequestRecord | undefined;
  if (record) record.failed = true;
}

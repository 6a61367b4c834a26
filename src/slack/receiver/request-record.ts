import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';

/** What the receiver learns about a request while Bolt handles it, carried in Bolt's context. */
export interface RequestRecord {
  failed: boolean;
}

const CONTEXT_KEY = 'corridorRequest';

export function recordProperties(record: RequestRecord): Record<string, unknown> {
  return { [CONTEXT_KEY]: record };
}

/**
 * Global middleware marking a request whose listener threw. Bolt hands listener errors to app.error
 * rather than to the receiver, so only middleware around the listeners can see them.
 */
export const markFailures: Middleware<AnyMiddlewareArgs> = async ({ context, next }) => {
  try {
    await next();
  } catch (error) {
    const record = context[CONTEXT_KEY] as RequestRecord | undefined;
    if (record) record.failed = true;
    throw error;
  }
};

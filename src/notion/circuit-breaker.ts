/** Why a request counted as unanswered: no answer in time, no connection, or a 5xx after the retries. */
export type UnansweredKind = 'timeout' | 'network' | 'server_error';

/**
 * Notion stopped answering: the breaker tripped, and no further request is sent. The sync stops
 * at once instead of waiting out a time-out for each remaining record.
 */
export class NotionNotAnsweringError extends Error {
  constructor(
    readonly kind: UnansweredKind,
    /** The kind of request that went unanswered, e.g. `POST /v1/pages`. */
    readonly route: string,
    readonly count: number,
  ) {
    super(`Notion is not answering: ${count} ${route} requests in a row (${kind})`);
    this.name = 'NotionNotAnsweringError';
  }
}

const ID_IN_PATH = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi;

/** The kind of request, IDs left out: `PATCH /v1/pages/:id`. */
export function routeOf(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(ID_IN_PATH, ':id')}`;
}

/**
 * Trips after `threshold` unanswered requests in a row of one kind. Streaks are kept per kind of
 * request because Notion may hang on page creations while still answering queries: a quick
 * query between two hung creations must not hide that the creations never get through.
 */
export class CircuitBreaker {
  private readonly streaks = new Map<string, number>();
  private trippedBy: NotionNotAnsweringError | null = null;

  constructor(readonly threshold = 3) {}

  /** The reason it tripped, or null while requests may go out. */
  get tripped(): NotionNotAnsweringError | null {
    return this.trippedBy;
  }

  /** Throws once tripped, so that nothing more is sent to a Notion that stopped answering. */
  check(): void {
    if (this.trippedBy) throw this.trippedBy;
  }

  /** Notion answered (any status but a 5xx given up on): that kind of request gets through. */
  answered(route: string): void {
    this.streaks.delete(route);
  }

  unanswered(route: string, kind: UnansweredKind): void {
    const streak = (this.streaks.get(route) ?? 0) + 1;
    this.streaks.set(route, streak);
    if (streak >= this.threshold && !this.trippedBy) this.trippedBy = new NotionNotAnsweringError(kind, route, streak);
  }

  /** A new run starts with a closed breaker. */
  reset(): void {
    this.streaks.clear();
    this.trippedBy = null;
  }
}

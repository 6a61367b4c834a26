import { LogLevel, type App, type Logger, type ReceiverEvent } from '@slack/bolt';
import { metrics } from '../../ops/metrics.js';
import type { UnknownPayloads } from '../unknown-payloads.js';
import { recordProperties, type RequestRecord } from './request-record.js';
import { eventId, requestKind, requestLabel, type RequestKind } from './request-kind.js';

export interface RequestTracking {
  logger: Logger;
  unknown: UnknownPayloads;
  /**
   * Records an event's ID; false when some replica already handled it (a retry from Slack). Kept
   * in the database (Coordination.firstDelivery), so replicas share it.
   */
  firstDelivery(eventId: string): Promise<boolean>;
}

/** What both receivers (HTTP and Socket Mode) are given to guard and track the requests they receive. */
export interface ReceiverGuard {
  unknown: UnknownPayloads;
  /** See RequestTracking.firstDelivery. */
  firstDelivery(eventId: string): Promise<boolean>;
  /** Defaults to the app's own logger. */
  logger?: Logger;
  logLevel?: LogLevel;
}

/** Bolt's receiver options for logging: the given logger, or Bolt's own at the given level. */
export function loggingOptions(guard: ReceiverGuard): { logger: Logger } | { logLevel: LogLevel } {
  return guard.logger ? { logger: guard.logger } : { logLevel: guard.logLevel ?? LogLevel.INFO };
}

/** The app as a receiver's init takes it, with every request going through trackRequests (receivers only call processEvent). */
export function trackedApp(app: App, guard: ReceiverGuard, logger: Logger): App {
  const processEvent = trackRequests((event) => app.processEvent(event), { logger, unknown: guard.unknown, firstDelivery: guard.firstDelivery });
  return { processEvent } as unknown as App;
}

export type ProcessEvent = (event: ReceiverEvent) => Promise<void>;

type Outcome = 'ok' | 'error' | 'duplicate';

/** A request refused before Bolt saw it (not an object, a malformed envelope): counted, and logged once per kind. */
export function countRejected(unknown: UnknownPayloads, logger: Pick<Logger, 'warn'>, kind: string, what: string): void {
  unknown.note(kind, logger, what);
  metrics.requests.inc({ kind: 'unknown', outcome: 'rejected' });
}

/** Each kind's metrics bound to their labels once: a labelled lookup per request costs more. */
interface KindMetrics {
  ack: { observe(seconds: number): void };
  outcomes: Record<Outcome, { inc(): void }>;
}

const kindMetrics = new Map<RequestKind, KindMetrics>();

function metricsOf(kind: RequestKind): KindMetrics {
  let bound = kindMetrics.get(kind);
  if (!bound) {
    const outcome = (name: Outcome) => metrics.requests.labels({ kind, outcome: name });
    bound = { ack: metrics.ackSeconds.labels(kind), outcomes: { ok: outcome('ok'), error: outcome('error'), duplicate: outcome('duplicate') } };
    kindMetrics.set(kind, bound);
  }
  return bound;
}

/**
 * Wraps Bolt's processEvent: times the acknowledgement, counts each request by kind and outcome,
 * skips an event Slack delivers again, and acknowledges what no listener did (Bolt leaves a body of
 * unknown type unanswered, and Slack would retry it and show an error).
 */
export function trackRequests(process: ProcessEvent, tracking: RequestTracking): ProcessEvent {
  return async (event) => {
    const kind = requestKind(event.body);
    const measured = metricsOf(kind);
    const started = performance.now();
    let acked = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      if (!acked) measured.ack.observe((performance.now() - started) / 1000);
      acked = true;
      return event.ack(response);
    };
    const id = eventId(event.body);
    // The database unreachable: better to handle an event twice than to lose it.
    if (id !== undefined && !(await tracking.firstDelivery(id).catch(() => true))) {
      await ack();
      measured.outcomes.duplicate.inc();
      return;
    }
    const record: RequestRecord = { failed: false };
    try {
      await process({ ...event, ack, customProperties: { ...event.customProperties, ...recordProperties(record) } });
    } catch (error) {
      record.failed = true;
      throw error;
    } finally {
      measured.outcomes[record.failed ? 'error' : 'ok'].inc();
      if (!acked) {
        // A listener that failed was logged by app.error already; otherwise nobody understood the payload.
        if (!record.failed) tracking.unknown.note(`unacknowledged ${requestLabel(event.body)}`, tracking.logger);
        await ack().catch((error: unknown) => tracking.logger.debug(`Late acknowledgement refused: ${String(error)}`));
      }
    }
  };
}

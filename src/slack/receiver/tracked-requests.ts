import type { Logger, ReceiverEvent } from '@slack/bolt';
import { metrics } from '../../ops/metrics.js';
import type { UnknownPayloads } from '../unknown-payloads.js';
import { recordProperties, type RequestRecord } from './request-record.js';
import { eventId, requestKind, requestLabel } from './request-kind.js';

export interface RequestTracking {
  logger: Logger;
  unknown: UnknownPayloads;
  /**
   * Records an event's ID; false when some replica already handled it (a retry from Slack). Kept
   * in the database (Coordination.firstDelivery), so replicas share it.
   */
  firstDelivery(eventId: string): Promise<boolean>;
}

export type ProcessEvent = (event: ReceiverEvent) => Promise<void>;

/**
 * Wraps Bolt's processEvent: times the acknowledgement, counts each request by kind and outcome,
 * skips an event Slack delivers again, and acknowledges what no listener did (Bolt leaves a body of
 * unknown type unanswered, and Slack would retry it and show an error).
 */
export function trackRequests(process: ProcessEvent, tracking: RequestTracking): ProcessEvent {
  return async (event) => {
    const kind = requestKind(event.body);
    const started = performance.now();
    let acked = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      if (!acked) metrics.ackSeconds.observe({ kind }, (performance.now() - started) / 1000);
      acked = true;
      return event.ack(response);
    };
    const id = eventId(event.body);
    // The database unreachable: better to handle an event twice than to lose it.
    if (id !== undefined && !(await tracking.firstDelivery(id).catch(() => true))) {
      await ack();
      metrics.requests.inc({ kind, outcome: 'duplicate' });
      return;
    }
    const record: RequestRecord = { failed: false };
    try {
      await process({ ...event, ack, customProperties: { ...event.customProperties, ...recordProperties(record) } });
    } catch (error) {
      record.failed = true;
      throw error;
    } finally {
      metrics.requests.inc({ kind, outcome: record.failed ? 'error' : 'ok' });
      if (!acked) {
        // A listener that failed was logged by app.error already; otherwise nobody understood the payload.
        if (!record.failed) tracking.unknown.note(`unacknowledged ${requestLabel(event.body)}`, tracking.logger);
        await ack().catch((error: unknown) => tracking.logger.debug(`Late acknowledgement refused: ${String(error)}`));
      }
    }
  };
}

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LeanHistogram } from './lean-histogram.js';

/**
 * The app's Prometheus metrics, served at GET /metrics. One registry per process: each replica
 * is scraped on its own and the collector adds them up.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'corridor_' });

export const metrics = {
  /** Requests from Slack by kind (command, action, view, event, options, shortcut) and outcome (ok, error, duplicate, rejected). */
  requests: new Counter({
    name: 'corridor_slack_requests_total',
    help: 'Requests received from Slack, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  }),
  /** From receiving a request to acknowledging it: Slack gives up after 3 s. */
  ackSeconds: new LeanHistogram(
    'corridor_slack_ack_seconds',
    'Time from receiving a Slack request to acknowledging it',
    'kind',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registry,
  ),
  /** Scheduled posts by job (remind, digest, event-reminder) and outcome (posted, found, skipped, in-progress, failed). */
  scheduledPosts: new Counter({
    name: 'corridor_scheduled_posts_total',
    help: 'Scheduled posts by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  }),
  /** Requests to the Notion API by outcome (ok, rate_limited, server_error, client_error, timeout, network). */
  notionRequests: new Counter({
    name: 'corridor_notion_requests_total',
    help: 'Requests sent to the Notion API, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  /** Requests to Notion sent again after a 429, a 5xx or a time-out. */
  notionRetries: new Counter({
    name: 'corridor_notion_retries_total',
    help: 'Notion requests retried after a 429, 5xx or time-out',
    registers: [registry],
  }),
  /** How long a Notion sync took, by outcome (ok, failed, aborted, busy). */
  syncSeconds: new Histogram({
    name: 'corridor_notion_sync_seconds',
    help: 'Duration of Notion syncs, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry],
  }),
};

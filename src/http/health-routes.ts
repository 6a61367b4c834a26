import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { registry } from '../ops/metrics.js';
import { scrubText } from '../ops/redact.js';
import type { CorridorStore } from '../store/corridor-store.js';

/** How long the database has to answer a readiness check. */
export const READY_TIMEOUT_MS = 1000;
/** A ping that ignores its own time-out still gets an answer, a little later. */
const GUARD_MS = READY_TIMEOUT_MS + 500;

/**
 * GET /healthz (the process runs), /readyz (the database answers now: asked on every request, so
 * a replica comes back by itself when its database does) and /metrics (Prometheus text). They sit
 * beside /slack/events and need no Slack signature: they reveal no record.
 */
export function healthRoutes(store: Pick<CorridorStore, 'ping'>): CustomRoute[] {
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => reply(res, 200, 'ok') },
    { path: '/readyz', method: 'GET', handler: (_req, res) => void readiness(store).then((problem) => reply(res, problem ? 503 : 200, problem ?? 'ready')) },
    { path: '/metrics', method: 'GET', handler: (_req, res) => void metricsText(res) },
  ];
}

/** Resolves with undefined when ready, or with the one-line reason it is not. */
export async function readiness(store: Pick<CorridorStore, 'ping'>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), GUARD_MS);
  });
  try {
    await Promise.race([store.ping(READY_TIMEOUT_MS), guard]);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `database not ready: ${scrubText(reason.split('\n')[0] ?? '')}`;
  } finally {
    clearTimeout(timer);
  }
}

async function metricsText(res: ServerResponse): Promise<void> {
  try {
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(text);
  } catch (error) {
    reply(res, 500, `metrics unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function reply(res: ServerResponse, status: number, line: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${line}\n`);
}

import { Client, LogLevel } from '@notionhq/client';
import type { Config } from '../config/env.js';
import { metrics } from '../ops/metrics.js';
import { CircuitBreaker, NotionNotAnsweringError, routeOf, type UnansweredKind } from './circuit-breaker.js';

/** The API version whose model (databases holding data sources) the sync is written for. */
export const NOTION_VERSION = '2025-09-03';

/** Time as the transport sees it; tests pass a virtual clock so pacing and back-off cost nothing. */
export interface TransportClock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: TransportClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface TransportOptions {
  /** Average requests per second never to exceed (NOTION_MAX_RPS). Retries count as requests. */
  maxRps: number;
  /** Time allowed for one attempt, answer included. */
  timeoutMs?: number;
  /** Unanswered requests of one kind in a row after which nothing more is sent (see CircuitBreaker). */
  breakerThreshold?: number;
  /** Attempts per request for 5xx answers, timeouts and network errors. */
  maxAttempts?: number;
  /** How many 429 answers one request may get before giving up. */
  maxRateLimitWaits?: number;
  /** First back-off delay; doubles at each attempt, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After honoured; a longer one is capped to this. */
  maxRetryAfterMs?: number;
  clock?: TransportClock;
  random?: () => number;
  fetch?: typeof fetch;
}

export interface TransportStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  rateLimited: number;
  retries: number;
  timeouts: number;
  serverErrors: number;
}

/** A request that got no answer: it timed out or the connection failed. */
export class NotionTransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    readonly method: string,
    readonly path: string,
    cause?: unknown,
  ) {
    super(kind === 'timeout' ? `Notion did not answer ${method} ${path} in time` : `could not reach Notion (${method} ${path})`, { cause });
    this.name = 'NotionTransportError';
  }
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
/** Statuses where Notion did not act on the request and asks to come back later. */
const COME_BACK_LATER = new Set([429, 529]);

/**
 * Whether sending the request twice is harmless. Page creation is not (a second page would be
 * made), so the sync handles an unanswered create itself, by looking the page up.
 */
export function isRepeatable(method: string, url: string): boolean {
  const verb = method.toUpperCase();
  if (verb === 'GET' || verb === 'DELETE' || verb === 'PATCH') return true;
  const path = new URL(url).pathname;
  return verb === 'POST' && (/\/query$/.test(path) || /\/search$/.test(path));
}

interface SimpleResponse {
  ok: boolean;
  status: number;
  headers: Headers;
  text: () => Promise<string>;
}

type FetchInit = { method?: string; headers?: Record<string, string>; body?: string | FormData };

/**
 * A fetch for the Notion client that spaces requests evenly at `maxRps` (so Notion's average
 * limit is never reached by our own doing), waits Retry-After on 429, and retries 5xx answers,
 * timeouts and network errors with exponential back-off when the request is repeatable.
 *
 * The client's own retry is turned off in favour of this one: it does not retry POST/PATCH on
 * 5xx nor 502/504 nor timeouts, and its sleeps cannot be injected in tests.
 */
export function createPacedFetch(options: TransportOptions) {
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const fetchImpl = options.fetch ?? fetch;
  // Notion answers within a second or two; a minute-long wait per request would let a hung
  // Notion hold a sync for as long as there are records.
  const timeoutMs = options.timeoutMs ?? 12_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxRateLimitWaits = options.maxRateLimitWaits ?? 10;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const interval = 1000 / options.maxRps;
  const stats: TransportStats = { requests: 0, rateLimited: 0, retries: 0, timeouts: 0, serverErrors: 0 };
  const breaker = new CircuitBreaker(options.breakerThreshold ?? 3);
  const inFlight = new Set<AbortController>();
  let nextSlot = Number.NEGATIVE_INFINITY;

  /** Reserves the next free slot; requests are spaced by 1/maxRps whatever their number in flight. */
  async function takeSlot(): Promise<void> {
    const now = clock.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + interval;
    if (at > now) await clock.sleep(at - now);
  }

  function unanswered(route: string, kind: UnansweredKind): void {
    breaker.unanswered(route, kind);
    // Once tripped, the requests still waiting are cut short: no use waiting out their time-outs.
    if (breaker.tripped) for (const controller of inFlight) controller.abort();
  }

  function retrying(): void {
    stats.retries += 1;
    metrics.notionRetries.inc();
  }

  function backoff(attempt: number): number {
    const base = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return base / 2 + (random() * base) / 2;
  }

  async function once(url: string, init: FetchInit): Promise<SimpleResponse> {
    await takeSlot();
    // The breaker may have tripped while this request waited for its slot.
    breaker.check();
    stats.requests += 1;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    inFlight.add(controller);
    try {
      const response = await fetchImpl(url, { method: init.method, headers: init.headers, body: init.body, signal: controller.signal });
      // The body is read within the same time limit: a server may send headers and then stall.
      const text = await response.text();
      return { ok: response.ok, status: response.status, headers: response.headers, text: async () => text };
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
    }
  }

  async function pacedFetch(url: string, init: FetchInit = {}): Promise<SimpleResponse> {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(url).pathname;
    const route = routeOf(method, path);
    const repeatable = isRepeatable(method, url);
    let failures = 0;
    let waits = 0;
    for (;;) {
      breaker.check();
      let response: SimpleResponse;
      try {
        response = await once(url, init);
      } catch (error) {
        if (error instanceof NotionNotAnsweringError) throw error;
        const kind = isAbort(error) ? 'timeout' : 'network';
        metrics.notionRequests.inc({ outcome: kind });
        if (breaker.tripped) throw breaker.tripped;
        if (kind === 'timeout') stats.timeouts += 1;
        unanswered(route, kind);
        failures += 1;
        if (!repeatable || failures >= maxAttempts) throw new NotionTransportError(kind, method, path, error);
        retrying();
        await clock.sleep(backoff(failures));
        continue;
      }
      metrics.notionRequests.inc({ outcome: outcomeOf(response.status) });
      if (COME_BACK_LATER.has(response.status)) {
        breaker.answered(route);
        stats.rateLimited += 1;
        waits += 1;
        if (waits > maxRateLimitWaits) return response;
        retrying();
        const wait = Math.min(maxRetryAfterMs, retryAfterMs(response.headers) ?? backoff(waits));
        // Every request waits, not only this one: Notion asked the whole integration to slow down.
        nextSlot = Math.max(nextSlot, clock.now() + wait);
        continue;
      }
      if (RETRYABLE_STATUS.has(response.status)) {
        stats.serverErrors += 1;
        failures += 1;
        if (!repeatable) return response;
        if (failures >= maxAttempts) {
          // Only a 5xx that outlasted every retry says Notion is down; a single one may be a blip.
          unanswered(route, 'server_error');
          return response;
        }
        retrying();
        await clock.sleep(backoff(failures));
        continue;
      }
      breaker.answered(route);
      return response;
    }
  }

  return { fetch: pacedFetch, stats, breaker };
}

/** The metrics label of an answer (see metrics.notionRequests). */
function outcomeOf(status: number): 'ok' | 'rate_limited' | 'server_error' | 'client_error' {
  if (COME_BACK_LATER.has(status)) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return 'ok';
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Retry-After in seconds (Notion's form) or as an HTTP date. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}

export interface NotionConnection {
  client: Client;
  stats: TransportStats;
  /** Trips when Notion stops answering; reset it before reusing the connection for a new run. */
  breaker: CircuitBreaker;
}

export interface NotionClientOptions extends TransportOptions {
  token: string;
  baseUrl?: string;
}

export function createNotionClient(options: NotionClientOptions): NotionConnection {
  const { token, baseUrl, ...transport } = options;
  const paced = createPacedFetch(transport);
  const client = new Client({
    auth: token,
    ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    notionVersion: NOTION_VERSION,
    fetch: paced.fetch,
    retry: false,
    // Time limits are per attempt, in the paced fetch; this one only bounds a whole request.
    timeoutMs: 15 * 60_000,
    // Failures are reported in the sync summary; the client need not print them as well.
    logLevel: LogLevel.ERROR,
    logger: () => {},
  });
  return { client, stats: paced.stats, breaker: paced.breaker };
}

/** Builds the client from the environment (NOTION_TOKEN, NOTION_BASE_URL, NOTION_MAX_RPS). */
export function notionClientFromConfig(
  config: Pick<Config, 'NOTION_TOKEN' | 'NOTION_BASE_URL' | 'NOTION_MAX_RPS'>,
  overrides: Partial<TransportOptions> = {},
): NotionConnection {
  if (!config.NOTION_TOKEN) throw new Error('NOTION_TOKEN is not set');
  return createNotionClient({
    token: config.NOTION_TOKEN,
    baseUrl: config.NOTION_BASE_URL,
    maxRps: config.NOTION_MAX_RPS,
    ...overrides,
  });
}

import { metrics } from '../ops/metrics.js';
import { CircuitBreaker, NotionNotAnsweringError, routeOf, type UnansweredKind } from './circuit-breaker.js';

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
export function createPacedFetch(options: TransportOptions): { fetch: PacedFetch['fetch']; stats: TransportStats; breaker: CircuitBreaker } {
  const paced = new PacedFetch(options);
  return { fetch: (url, init) => paced.fetch(url, init), stats: paced.stats, breaker: paced.breaker };
}

/** One request's tries so far. */
interface Attempts {
  method: string;
  path: string;
  route: string;
  repeatable: boolean;
  /** Unanswered tries and 5xx answers. */
  failures: number;
  /** 429 answers waited out. */
  waits: number;
}

class PacedFetch {
  readonly stats: TransportStats = { requests: 0, rateLimited: 0, retries: 0, timeouts: 0, serverErrors: 0 };
  readonly breaker: CircuitBreaker;
  private readonly clock: TransportClock;
  private readonly random: () => number;
  private readonly fetchImpl: typeof fetch;
  // Notion answers within a second or two; a minute-long wait per request would let a hung
  // Notion hold a sync for as long as there are records.
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly maxRateLimitWaits: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly interval: number;
  private readonly inFlight = new Set<AbortController>();
  private nextSlot = Number.NEGATIVE_INFINITY;

  constructor(options: TransportOptions) {
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 12_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxRateLimitWaits = options.maxRateLimitWaits ?? 10;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.interval = 1000 / options.maxRps;
    this.breaker = new CircuitBreaker(options.breakerThreshold ?? 3);
  }

  async fetch(url: string, init: FetchInit = {}): Promise<SimpleResponse> {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(url).pathname;
    const attempts: Attempts = { method, path, route: routeOf(method, path), repeatable: isRepeatable(method, url), failures: 0, waits: 0 };
    for (;;) {
      this.breaker.check();
      let response: SimpleResponse;
      try {
        response = await this.once(url, init);
      } catch (error) {
        await this.afterNoAnswer(error, attempts);
        continue;
      }
      if (await this.answered(response, attempts)) return response;
    }
  }

  /** A try that got no answer: throws when it is the last one, waits before the next otherwise. */
  private async afterNoAnswer(error: unknown, attempts: Attempts): Promise<void> {
    if (error instanceof NotionNotAnsweringError) throw error;
    const kind = isAbort(error) ? 'timeout' : 'network';
    metrics.notionRequests.inc({ outcome: kind });
    if (this.breaker.tripped) throw this.breaker.tripped;
    if (kind === 'timeout') this.stats.timeouts += 1;
    this.unanswered(attempts.route, kind);
    attempts.failures += 1;
    if (!attempts.repeatable || attempts.failures >= this.maxAttempts) {
      throw new NotionTransportError(kind, attempts.method, attempts.path, error);
    }
    this.retrying();
    await this.clock.sleep(this.backoff(attempts.failures));
  }

  /** Whether an answer is the request's outcome (true), or the request is to be sent again (false, after waiting). */
  private async answered(response: SimpleResponse, attempts: Attempts): Promise<boolean> {
    metrics.notionRequests.inc({ outcome: outcomeOf(response.status) });
    if (COME_BACK_LATER.has(response.status)) {
      this.breaker.answered(attempts.route);
      this.stats.rateLimited += 1;
      attempts.waits += 1;
      if (attempts.waits > this.maxRateLimitWaits) return true;
      this.retrying();
      const wait = Math.min(this.maxRetryAfterMs, retryAfterMs(response.headers) ?? this.backoff(attempts.waits));
      // Every request waits, not only this one: Notion asked the whole integration to slow down.
      this.nextSlot = Math.max(this.nextSlot, this.clock.now() + wait);
      return false;
    }
    if (RETRYABLE_STATUS.has(response.status)) return this.afterServerError(attempts);
    this.breaker.answered(attempts.route);
    return true;
  }

  private async afterServerError(attempts: Attempts): Promise<boolean> {
    this.stats.serverErrors += 1;
    attempts.failures += 1;
    if (!attempts.repeatable) return true;
    if (attempts.failures >= this.maxAttempts) {
      // Only a 5xx that outlasted every retry says Notion is down; a single one may be a blip.
      this.unanswered(attempts.route, 'server_error');
      return true;
    }
    this.retrying();
    await this.clock.sleep(this.backoff(attempts.failures));
    return false;
  }

  /** Reserves the next free slot; requests are spaced by 1/maxRps whatever their number in flight. */
  private async takeSlot(): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + this.interval;
    if (at > now) await this.clock.sleep(at - now);
  }

  private unanswered(route: string, kind: UnansweredKind): void {
    this.breaker.unanswered(route, kind);
    // Once tripped, the requests still waiting are cut short: no use waiting out their time-outs.
    if (this.breaker.tripped) for (const controller of this.inFlight) controller.abort();
  }

  private retrying(): void {
    this.stats.retries += 1;
    metrics.notionRetries.inc();
  }

  private backoff(attempt: number): number {
    const base = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return base / 2 + (this.random() * base) / 2;
  }

  private async once(url: string, init: FetchInit): Promise<SimpleResponse> {
    await this.takeSlot();
    // The breaker may have tripped while this request waited for its slot.
    this.breaker.check();
    this.stats.requests += 1;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    this.inFlight.add(controller);
    try {
      const response = await this.fetchImpl(url, { method: init.method, headers: init.headers, body: init.body, signal: controller.signal });
      // The body is read within the same time limit: a server may send headers and then stall.
      const text = await response.text();
      return { ok: response.ok, status: response.status, headers: response.headers, text: async () => text };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }
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


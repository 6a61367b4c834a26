import { Client, LogLevel } from '@notionhq/client';
import type { Config } from '../config/env.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { createPacedFetch, type TransportOptions, type TransportStats } from './paced-fetch.js';

export { NotionTransportError, retryAfterMs, type TransportClock, type TransportOptions, type TransportStats } from './paced-fetch.js';

/** The API version whose model (databases holding data sources) the sync is written for. */
export const NOTION_VERSION = '2025-09-03';

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

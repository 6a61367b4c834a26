import type { Client } from '@notionhq/client';
import type { CorridorStore } from '../store/corridor-store.js';
import type { NotionLinks } from '../store/notion-links.js';
import type { NotionNotAnsweringError } from './circuit-breaker.js';

/** Actor written in the store's history when a change comes from Notion. */
export const NOTION_SYNC_ACTOR = 'notion-sync';

export interface SyncLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: SyncLogger = { info() {}, warn() {}, error() {} };

/** IDs of the Notion databases (dashed form, see parseNotionId); people only when NOTION_PEOPLE_DATABASE_ID is set. */
export interface NotionDatabaseIds {
  partners: string;
  actions: string;
  people?: string;
  /** Set when NOTION_EVENTS_DATABASE_ID is. */
  events?: string;
}

/**
 * Who a Notion person is in Slack, found by e-mail (`users.lookupByEmail`): the Slack user ID, or
 * null when no Slack user has that address. Without a directory, owners edited in Notion are
 * reported, not guessed.
 */
export interface PeopleDirectory {
  slackUserByEmail(email: string): Promise<string | null>;
}

export interface SyncOptions {
  /** Records written at once; the client's pacing keeps the request rate in any case. */
  concurrency?: number;
  /** Attempts to create one page when Notion does not answer (each followed by a look-up). */
  createAttempts?: number;
  /** Time zone of the corridor, for the completion date of an action closed in Notion and events' times. */
  timeZone?: string;
}

export interface SyncEngineDeps {
  store: CorridorStore;
  notion: Client;
  databases: NotionDatabaseIds;
  /** Defaults to `store.notionLinks`. */
  links?: NotionLinks;
  clock?: () => Date;
  logger?: SyncLogger;
  options?: SyncOptions;
  /** Slack users by e-mail, for owners changed in Notion. */
  people?: PeopleDirectory;
  /** Requests sent so far by the client's transport, to report in the summary. */
  requestCount?: () => number;
  /** True once another replica took the sync lease over (see takeSyncLease): the run stops before its next record. */
  leaseLost?: () => boolean;
  /** The transport's circuit breaker: once it trips, the run stops (see NotionNotAnsweringError). */
  breaker?: { readonly tripped: NotionNotAnsweringError | null };
}

import { APIErrorCode, APIResponseError, UnknownHTTPResponseError } from '@notionhq/client';
import type { BilingualText } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import type { Catalogue } from '../i18n/en.js';
import { NotionNotAnsweringError } from './circuit-breaker.js';
import { NotionTransportError } from './client.js';
import { NotionSchemaError } from './schema.js';
import { notAnsweringReason, type SyncSummary } from './sync-summary.js';
import type { NotionDatabaseIds, SyncLogger } from './sync-types.js';

/** What a failure means for the sync, and how to explain it to the user in their language. */

export class DatabaseNotFoundError extends Error {
  constructor(readonly which: keyof NotionDatabaseIds) {
    super(`Notion database not found (${which})`);
    this.name = 'DatabaseNotFoundError';
  }
}

/**
 * A database holding several data sources: the sync could not tell which one is the corridor's,
 * so it refuses rather than syncing the wrong one (the message names them all).
 */
export class SeveralDataSourcesError extends Error {
  constructor(readonly which: keyof NotionDatabaseIds, readonly names: string[]) {
    super(`Notion database ${which} has ${names.length} data sources: ${names.join(', ')}`);
    this.name = 'SeveralDataSourcesError';
  }
}


export function isNotFound(error: unknown): boolean {
  return APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.ObjectNotFound;
}

/** A failure after which Notion may or may not have acted on the request. */
export function isUnanswered(error: unknown): boolean {
  if (error instanceof NotionTransportError) return true;
  if (APIResponseError.isAPIResponseError(error)) return error.status >= 500;
  return UnknownHTTPResponseError.isUnknownHTTPResponseError(error) && error.status >= 500;
}

type ApiWords = Catalogue['notion']['errors']['api'];

/**
 * Notion's error, explained in each language by its code; Notion's own text (English only) follows
 * where it names what it refused (a property, a value), so nothing the user needs is lost.
 */
function apiErrorText(error: APIResponseError): BilingualText {
  const code = error.code as string;
  return bothLanguages((words) => {
    const api = words.notion.errors.api;
    const explained = Object.hasOwn(api, code) ? api[code as keyof ApiWords] : undefined;
    if (!explained) return words.notion.errors.notionSaid(error.message);
    return code === APIErrorCode.ValidationError ? `${explained} ${words.notion.errors.notionSaid(error.message)}` : explained;
  });
}

export function errorText(error: unknown): BilingualText {
  if (error instanceof NotionTransportError) {
    return bothLanguages((words) => words.notion.errors.unreachable(error.message));
  }
  if (APIResponseError.isAPIResponseError(error)) return apiErrorText(error);
  const message = error instanceof Error ? error.message : String(error);
  return bothLanguages(() => message);
}

/** The breaker's error when `error` means Notion stopped answering, null otherwise. */
export function haltReason(error: unknown, breaker: { readonly tripped: NotionNotAnsweringError | null } | undefined): NotionNotAnsweringError | null {
  if (error instanceof NotionNotAnsweringError) return error;
  return error instanceof NotionTransportError ? (breaker?.tripped ?? null) : null;
}

/** A run stopped because Notion is not answering: what was done, what is left for the next run. */
export function recordInterruption(
  summary: SyncSummary,
  halted: NotionNotAnsweringError,
  records: { total: number; remaining: number },
  logger: SyncLogger,
): void {
  summary.interrupted = { kind: halted.kind, done: records.total - records.remaining, remaining: records.remaining };
  summary.aborted = notAnsweringReason(summary.interrupted, halted.count);
  logger.warn('notion sync stopped: Notion is not answering', { route: halted.route, kind: halted.kind, remaining: records.remaining });
}

/** The setting that names each database, for messages. */
export const DATABASE_VARIABLES: Record<keyof NotionDatabaseIds, string> = {
  partners: 'NOTION_PARTNERS_DATABASE_ID',
  actions: 'NOTION_ACTIONS_DATABASE_ID',
  people: 'NOTION_PEOPLE_DATABASE_ID',
  events: 'NOTION_EVENTS_DATABASE_ID',
};

/** Why a sync could not run, in both languages. */
export function abortReason(error: unknown): BilingualText {
  if (error instanceof NotionSchemaError) return bothLanguages((_, lang) => error.render(lang));
  if (error instanceof DatabaseNotFoundError) {
    return bothLanguages((words) => words.notion.errors.databaseNotFound(DATABASE_VARIABLES[error.which]));
  }
  if (error instanceof SeveralDataSourcesError) {
    const { which, names } = error;
    return bothLanguages((words) => words.notion.errors.severalDataSources(DATABASE_VARIABLES[which], names.map((name) => `“${name}”`).join(', ')));
  }
  if (APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.Unauthorized) {
    return bothLanguages((words) => words.notion.errors.unauthorized);
  }
  return errorText(error);
}

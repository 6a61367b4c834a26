import { bothLanguages } from '../../i18n/bilingual-error.js';
import type { Catalogue } from '../../i18n/index.js';
import { DatabaseOpenError } from '../database-errors.js';
import type { UrlParts } from './pool-config.js';

/** Oldest server the store runs on (generated identity columns, GREATEST, hashtextextended, DROP … FORCE in tests). */
export const MIN_SERVER_VERSION_NUM = 130_000;

/** The server answered but is older than PostgreSQL 13. */
export class ServerTooOldError extends Error {
  constructor(readonly version: string) {
    super(`PostgreSQL ${version} is older than 13`);
  }
}

export function checkServerVersion(versionNum: number, version: string): void {
  if (versionNum < MIN_SERVER_VERSION_NUM) throw new ServerTooOldError(version);
}

type Reason = (words: Catalogue) => string;

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** Why the server could not be used, in the reader's language. */
function reasonFor(error: unknown, url: UrlParts): Reason {
  const { code, message } = error instanceof Error ? (error as Error & { code?: string }) : { code: undefined, message: String(error) };
  const postgres = (words: Catalogue) => words.cli.errors.postgres;
  if (error instanceof ServerTooOldError) return (w) => postgres(w).serverTooOld(error.version);
  if (code === '28P01') return (w) => postgres(w).passwordRefused(url.user);
  if (code === '3D000') return (w) => postgres(w).databaseMissing(url.database);
  if (code === '28000' && /no encryption/i.test(message)) return (w) => postgres(w).tlsRequired;
  if (/does not support SSL/i.test(message)) return (w) => postgres(w).tlsUnavailable;
  if (/certificate|self[- ]signed|altname/i.test(message)) return (w) => postgres(w).tlsUntrusted(mask(message, url));
  if ((code && UNREACHABLE.has(code)) || /connection timeout|timeout expired|Connection terminated/i.test(message)) return (w) => postgres(w).unreachable(url.hostPort);
  return () => mask(message, url);
}

/** One line naming DATABASE_URL and the reason, in both languages; never the password. */
export function openError(error: unknown, url: UrlParts): DatabaseOpenError {
  const reason = reasonFor(error, url);
  return new DatabaseOpenError(bothLanguages((words) => mask(words.cli.errors.cannotOpenDatabase(url.masked, reason(words)), url)));
}

function mask(text: string, url: UrlParts): string {
  const line = text.split('\n')[0] ?? '';
  return url.password ? line.split(url.password).join('***') : line;
}

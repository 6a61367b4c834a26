import type { PoolConfig } from 'pg';

export const DEFAULT_POOL_MAX = 10;

/** How long a query may wait for a row lock before StoreBusyError, and may run at all. */
const LOCK_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * The pool's settings for DATABASE_URL.
 *
 * TLS follows libpq's `sslmode`: `disable` never encrypts; `prefer` and `require` encrypt without
 * checking the server's certificate (`require` with `sslrootcert` checks it against that CA);
 * `verify-ca` checks the certificate against `sslrootcert` but not the host name; `verify-full`
 * checks both against the system's (or `sslrootcert`'s) CAs. Left alone, node-postgres 8 treats
 * `prefer`, `require` and `verify-ca` as `verify-full`, which refuses the self-signed certificates
 * most managed servers present under `require`; its `uselibpqcompat=true` switch gives libpq's
 * meaning, so it is added unless the URL sets it itself (`uselibpqcompat=false` keeps node-postgres's).
 * Unlike libpq, `prefer` does not fall back to an unencrypted connection. Without `sslmode` the
 * connection is not encrypted.
 */
export function poolConfig(databaseUrl: string, poolMax = DEFAULT_POOL_MAX): PoolConfig {
  return {
    connectionString: withLibpqSslModes(databaseUrl),
    max: poolMax,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    lock_timeout: LOCK_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    // A transaction left open by a crashed request must not hold its locks for ever.
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'corridor-bot',
  };
}

function withLibpqSslModes(databaseUrl: string): string {
  if (!/[?&]sslmode=/.test(databaseUrl) || /[?&]uselibpqcompat=/.test(databaseUrl)) return databaseUrl;
  return `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}uselibpqcompat=true`;
}

/** What an error line may show of the URL: everything but the password. */
export interface UrlParts {
  masked: string;
  user: string;
  password: string;
  hostPort: string;
  database: string;
}

export function urlParts(databaseUrl: string): UrlParts {
  try {
    const url = new URL(databaseUrl);
    const password = decodeURIComponent(url.password);
    if (url.password) url.password = '***';
    return {
      masked: url.toString(),
      user: decodeURIComponent(url.username),
      password,
      hostPort: `${url.hostname || 'localhost'}:${url.port || '5432'}`,
      database: decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username),
    };
  } catch {
    // Not a URL the WHATWG parser takes: mask whatever sits between "user:" and "@".
    const masked = databaseUrl.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
    return { masked, user: '', password: '', hostPort: '', database: '' };
  }
}

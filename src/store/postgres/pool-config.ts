import pg, { type PoolConfig } from 'pg';

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
 * `prefer` falls back to an unencrypted connection when the server offers no TLS, as libpq does
 * (see withPreferFallback). Without `sslmode` the connection is not encrypted.
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

/** node-postgres's words when the server answers "N" to the TLS request. */
const NO_TLS_ON_SERVER = 'The server does not support SSL connections';

/**
 * `sslmode=prefer` as libpq reads it: TLS when the server offers it, a plain connection otherwise.
 * node-postgres has no such mode, so one connection is tried with TLS first; a server that offers
 * none is then reached with `sslmode=disable` by every connection of the pool. Any other failure is
 * left to the pool, which reports it as usual.
 */
export async function withPreferFallback(databaseUrl: string): Promise<string> {
  if (!/[?&]sslmode=prefer(&|$)/.test(databaseUrl)) return databaseUrl;
  const probe = new pg.Client({ ...poolConfig(databaseUrl), connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    return databaseUrl;
  } catch (error) {
    return error instanceof Error && error.message === NO_TLS_ON_SERVER ? databaseUrl.replace(/([?&]sslmode=)prefer/, '$1disable') : databaseUrl;
  } finally {
    await probe.end().catch(() => undefined);
  }
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

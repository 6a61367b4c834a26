// Facts of the PostgreSQL store alone; what every store does is in store-contract.test.ts.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { DatabaseOpenError } from '../../src/store/database-errors.js';
import { openStore } from '../../src/store/open-store.js';
import { checkServerVersion, openError } from '../../src/store/postgres/open-errors.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { poolConfig, urlParts } from '../../src/store/postgres/pool-config.js';
import type { PostgresCorridorStore } from '../../src/store/postgres/postgres-corridor-store.js';
import { StoreBusyError, VersionConflictError } from '../../src/store/corridor-store.js';
import { freePort, startEmbeddedPostgres } from '../support/postgres-global-setup.js';
import { postgresAdminUrl, withDatabase } from '../support/postgres.js';
import { raceWorkers } from '../support/race.js';
import { cleanEnv, runCli } from '../support/run-cli.js';
import { tempStores } from '../support/temp-stores.js';
import { loadMigrations } from '../../src/store/migration-files.js';

/** The newest PostgreSQL migration: what every store opened here must be at. */
const MIGRATIONS = loadMigrations(new URL('../../src/store/postgres/migrations/', import.meta.url));
const LATEST = MIGRATIONS.at(-1)!.version;
/** The version before the latest: numbers are allocated in advance, so they may skip some. */
const PREVIOUS = MIGRATIONS.at(-2)!.version;

const { open, databaseUrl } = tempStores('pg', 'postgres');
const openPg = async (url?: string) => (await open(url)) as PostgresCorridorStore;

async function count(store: PostgresCorridorStore, sql: string): Promise<number> {
  const { rows } = await store.pool.query<{ n: string }>(sql);
  return Number(rows[0]!.n);
}

describe('opening one empty database from several processes', () => {
  it('migrates and seeds once when three processes start at the same second', async () => {
    const url = await databaseUrl();
    const outputs = await raceWorkers(new URL('./open-worker.ts', import.meta.url), [url], 3);
    expect(outputs).toEqual(['12', '12', '12']);
    const store = await openPg(url);
    expect(await count(store, 'SELECT count(*) AS n FROM schema_migrations')).toBe(MIGRATIONS.length);
    expect(await count(store, 'SELECT count(*) AS n FROM seeds')).toBe(1);
    expect(await count(store, "SELECT count(*) AS n FROM history WHERE change = 'created'")).toBe(
      await count(store, 'SELECT (SELECT count(*) FROM partners) + (SELECT count(*) FROM people) + (SELECT count(*) FROM events) + (SELECT count(*) FROM actions) + (SELECT count(*) FROM about) AS n'),
    );
    expect(await count(store, 'SELECT count(*) AS n FROM partners')).toBe(12);
  });
});

describe('writes from two replicas', () => {
  it('lets exactly one of two saves based on the same version win', async () => {
    const url = await databaseUrl();
    const [a, b] = [await openPg(url), await openPg(url)];
    const base = (await a.partners.get('distriq'))!;
    const results = await Promise.allSettled([
      a.partners.save({ ...draftOf(base), acronym: 'A' }, { actor: 'U0A', expectedVersion: 1 }),
      b.partners.save({ ...draftOf(base), acronym: 'B' }, { actor: 'U0B', expectedVersion: 1 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(VersionConflictError);
    expect((await b.partners.get('distriq'))!.version).toBe(2);
    expect(await a.history('partner', 'distriq')).toHaveLength(2);
  });

  it('creates a new record once when two replicas create it at the same moment', async () => {
    const url = await databaseUrl();
    const [a, b] = [await openPg(url), await openPg(url)];
    const draft = { ...draftOf((await a.partners.get('iseq'))!), id: 'twin', name: 'Twin' };
    await Promise.all([a.partners.save(draft, { actor: 'U0A' }), b.partners.save(draft, { actor: 'U0B' })]);
    expect((await a.history('partner', 'twin')).map((h) => h.change)).toEqual(['created']);
    expect((await b.partners.get('twin'))!.version).toBe(1);
  });

  it('gives up with StoreBusyError when the record stays locked, writing nothing', async () => {
    const url = await databaseUrl();
    const store = await openPg(url);
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', ['partners:c2mi']);
      const c2mi = (await store.partners.get('c2mi'))!;
      await expect(store.partners.save({ ...c2mi, website: 'https://example.org/' }, { actor: 'U0A' })).rejects.toBeInstanceOf(StoreBusyError);
    } finally {
      await blocker.end();
    }
    expect((await store.partners.get('c2mi'))!.version).toBe(1);
    expect(await store.history('partner', 'c2mi')).toHaveLength(1);
  });
});

describe('opening a server that cannot be used', () => {
  const admin = () => new URL(postgresAdminUrl());

  async function openFailure(url: string): Promise<DatabaseOpenError> {
    const error = await openStore(url).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }

  function expectOneMaskedLine(error: DatabaseOpenError, password: string) {
    for (const text of [error.message, error.text.fr, error.text.en]) {
      expect(text).toMatch(/^DATABASE_URL[ \u00a0]?: /);
      expect(text).not.toContain('\n');
      expect(text).not.toContain(password);
    }
  }

  it('names a refused password, without showing it', async () => {
    const url = admin();
    url.password = 'wrong-Secret-123';
    const error = await openFailure(url.toString());
    expectOneMaskedLine(error, 'wrong-Secret-123');
    expect(error.message).toContain(`postgres://postgres:***@${url.host}`);
    expect(error.text.en).toContain('the server refused the password of user postgres');
    expect(error.text.fr).toContain('le serveur a refusé le mot de passe de l’utilisateur postgres');
  });

  it('names a port nothing listens on', async () => {
    const url = admin();
    url.port = String(await freePort());
    const error = await openFailure(url.toString());
    expectOneMaskedLine(error, decodeURIComponent(admin().password));
    expect(error.text.en).toContain(`nothing answers at 127.0.0.1:${url.port}`);
    expect(error.text.fr).toContain(`rien ne répond à 127.0.0.1:${url.port}`);
  });

  it('names a database the server does not have', async () => {
    const error = await openFailure(withDatabase(postgresAdminUrl(), 'no_such_corridor'));
    expectOneMaskedLine(error, decodeURIComponent(admin().password));
    expect(error.text.en).toContain('the server has no database named no_such_corridor');
  });

  it('names TLS asked for but not offered by the server', async () => {
    const error = await openFailure(`${postgresAdminUrl()}?sslmode=require`);
    expectOneMaskedLine(error, decodeURIComponent(admin().password));
    expect(error.text.en).toContain('the URL asks for TLS (sslmode) but the server does not offer it');
  });

  it('makes npm start print one line and exit 1, without the password', async () => {
    const url = `postgres://corridor:Secret-42@127.0.0.1:${await freePort()}/corridor`;
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ DATABASE_URL: url }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^corridor-bot: DATABASE_URL: cannot open postgres:\/\/corridor:\*\*\*@127\.0\.0\.1:\d+\/corridor \(nothing answers at 127\.0\.0\.1:\d+\)\n$/);
    expect(result.stderr + result.stdout).not.toContain('Secret-42');
  });

  it('refuses a server older than PostgreSQL 13', () => {
    expect(() => checkServerVersion(130_000, '13.0')).not.toThrow();
    let thrown: unknown;
    try {
      checkServerVersion(120_018, '12.18');
    } catch (error) {
      thrown = error;
    }
    const error = openError(thrown, urlParts('postgres://corridor:s3cret@db.example:5432/corridor'));
    expect(error.message).toBe('DATABASE_URL: cannot open postgres://corridor:***@db.example:5432/corridor (PostgreSQL 12.18 is too old; version 13 or later is needed)');
    expect(error.text.fr).toContain('PostgreSQL 12.18 est trop ancien');
  });

  it('masks the password in any reason the driver gives', () => {
    const parts = urlParts('postgresql://corridor:p%40ss%3Aword@db.example/corridor');
    expect(parts).toMatchObject({ user: 'corridor', password: 'p@ss:word', hostPort: 'db.example:5432', database: 'corridor' });
    const error = openError(new Error('something about p@ss:word\nand a stack'), parts);
    expect(error.message).toBe('DATABASE_URL: cannot open postgresql://corridor:***@db.example/corridor (something about ***)');
  });
});

describe('sslmode', () => {
  const sslOf = (url: string) => (new pg.Client(poolConfig(url)) as unknown as { connectionParameters: { ssl: unknown } }).connectionParameters.ssl;
  const base = 'postgres://u:p@db.example/corridor';

  it('encrypts without checking the certificate under require, as libpq does', () => {
    expect(sslOf(`${base}?sslmode=require`)).toMatchObject({ rejectUnauthorized: false });
    expect(sslOf(`${base}?sslmode=prefer`)).toMatchObject({ rejectUnauthorized: false });
  });

  it('checks the certificate and host under verify-full', () => {
    const ssl = sslOf(`${base}?sslmode=verify-full`) as Record<string, unknown>;
    expect(ssl).toBeTypeOf('object');
    expect(ssl.rejectUnauthorized).not.toBe(false);
    expect(ssl.checkServerIdentity).toBeUndefined();
  });

  it('does not encrypt under disable or without sslmode', () => {
    expect(sslOf(`${base}?sslmode=disable`)).toBe(false);
    expect(sslOf(base)).toBe(false);
  });

  it('falls back to a plain connection under prefer when the server offers no TLS, as libpq does', async () => {
    // The embedded test server has no certificate: TLS is refused, and require fails where prefer goes on.
    const url = await databaseUrl();
    const withMode = (mode: string) => `${url}${url.includes('?') ? '&' : '?'}sslmode=${mode}`;
    const store = await openPg(withMode('prefer'));
    expect(await count(store, 'SELECT count(*) AS n FROM partners')).toBe(12);
    await expect(openPostgresStore(withMode('require'))).rejects.toThrow(/DATABASE_URL/);
  });

  it('keeps node-postgres’s own meaning when the URL sets uselibpqcompat itself', () => {
    expect(sslOf(`${base}?sslmode=require&uselibpqcompat=false`)).not.toMatchObject({ rejectUnauthorized: false });
  });
});

describe('the pool and readiness', () => {
  it('is opened by openStore for postgres:// and postgresql:// URLs, with the pool size asked for', async () => {
    const url = await databaseUrl();
    const store = (await openPostgresStore(url.replace(/^postgres:/, 'postgresql:'), { poolMax: 3 })) as PostgresCorridorStore;
    try {
      expect(store.kind).toBe('postgres');
      expect(store.pool.options.max).toBe(3);
      expect((await openPg(url)).pool.options.max).toBe(10);
    } finally {
      await store.close();
    }
  });

  it('fails readiness when a migration is missing', async () => {
    const store = await openPg();
    await store.pool.query('DELETE FROM schema_migrations WHERE version = $1', [LATEST]);
    await expect(store.ping(2000)).rejects.toThrow(`schema is at version ${PREVIOUS}, expected ${LATEST}`);
  });

  it('fails readiness once the server is gone', async () => {
    const server = await startEmbeddedPostgres();
    try {
      const store = await openStore(server.url);
      try {
        await expect(store.ping(2000)).resolves.toBeUndefined();
        await server.stop();
        await expect(store.ping(2000)).rejects.toThrow();
      } finally {
        await store.close();
      }
    } finally {
      await server.stop();
    }
  });
});

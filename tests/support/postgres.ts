import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The run's server (see postgres-global-setup.ts), as a URL allowed to create databases. */
export function postgresAdminUrl(): string {
  return inject('postgresAdminUrl');
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

const created: string[] = [];

/** A new, empty database of its own (migrated and seeded by whoever opens it first). */
export async function freshPostgresUrl(prefix: string): Promise<string> {
  const name = `corridor_${prefix.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`.toLowerCase();
  await admin(async (client) => client.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return withDatabase(postgresAdminUrl(), name);
}

/** Drops the databases freshPostgresUrl created, closing any connection left to them. */
export async function dropFreshDatabases(): Promise<void> {
  const names = created.splice(0);
  if (names.length === 0) return;
  await admin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

async function admin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

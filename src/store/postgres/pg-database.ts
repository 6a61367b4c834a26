import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { StoreBusyError } from '../corridor-store.js';

/** Something that runs a query: the pool, or the client of a transaction. */
export type Queryable = Pick<Pool, 'query'> | PoolClient;

/**
 * SQLSTATEs meaning "not now": a lock wait that hit lock_timeout, a deadlock broken by the server,
 * a serialization failure, a statement cancelled by statement_timeout. Nothing was written.
 */
const BUSY_CODES: Record<string, string> = {
  '55P03': 'a lock wait timed out',
  '40P01': 'a deadlock was broken',
  '40001': 'a concurrent write conflicted',
  '57014': 'a statement timed out',
};

export function asBusy(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in BUSY_CODES) return new StoreBusyError(BUSY_CODES[code]!);
  // Every connection of the pool stayed in use for connectionTimeoutMillis.
  if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) return new StoreBusyError('no free connection');
  return error;
}

/** The pool with errors the caller can act on: a lock wait that timed out becomes StoreBusyError. */
export class PgDatabase {
  constructor(readonly pool: Pool) {}

  async rows<R extends QueryResultRow>(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<R[]> {
    try {
      return (await on.query<R>(sql, params)).rows;
    } catch (error) {
      throw asBusy(error);
    }
  }

  async row<R extends QueryResultRow>(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<R | undefined> {
    return (await this.rows<R>(sql, params, on))[0];
  }

  /** Runs `work` in one transaction on one connection; rolls back on any error. */
  async transaction<R>(work: (client: PoolClient) => Promise<R>): Promise<R> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw asBusy(error);
    });
    // A connection whose ROLLBACK failed is broken: the pool must discard it, not reuse it.
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw asBusy(error);
    } finally {
      client.release(broken);
    }
  }
}

import { randomUUID } from 'node:crypto';
import type { JobName } from '../../domain/periods.js';
import { GIVE_WAY, HELD_POSTS, heldPostFromRow, SETTLE_HELD, type HeldPostRow } from '../held-post-row.js';
import type { ClaimOptions, HeldPost, RunClaim, RunLedger, RunRecord, RunState } from '../run-ledger.js';
import { runRecordFromRow, type RunRow } from '../run-row.js';
import type { PgDatabase } from './pg-database.js';

/**
 * A claim is one INSERT … ON CONFLICT DO UPDATE … WHERE statement, as in SQLite: PostgreSQL
 * locks the conflicting row and re-checks the WHERE clause on its latest version, so of several
 * processes claiming one period exactly one gets a row back.
 */
const CLAIM = `INSERT INTO job_runs (job, period, state, claim_token, claimed_by, claimed_at, lease_until, attempts)
  VALUES ($1, $2, 'claimed', $3, $4, $5, $6, 1)
  ON CONFLICT (job, period) DO UPDATE SET
    state = 'claimed', claim_token = excluded.claim_token, claimed_by = excluded.claimed_by,
    claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, attempts = job_runs.attempts + 1,
    finished_at = NULL, error = NULL
  WHERE job_runs.state = 'failed' OR (job_runs.state = 'claimed' AND COALESCE(job_runs.lease_until, job_runs.claimed_at) < $5)
  RETURNING attempts`;

const TAKE_OVER = `UPDATE job_runs SET claim_token = $3, claimed_by = $4, claimed_at = $5, lease_until = $6,
    attempts = attempts + 1, error = NULL
  WHERE job = $1 AND period = $2 AND state = 'claimed' AND claimed_by = $7
  RETURNING attempts`;

const RENEW = `UPDATE job_runs SET lease_until = $4
  WHERE job = $1 AND period = $2 AND claim_token = $3 AND state = 'claimed' RETURNING 1`;

const FINISH = `UPDATE job_runs SET state = $4, finished_at = $5, channel = $6, message_ts = $7, error = $8,
    claim_token = NULL, lease_until = NULL
  WHERE job = $1 AND period = $2 AND claim_token = $3 AND state = 'claimed' RETURNING 1`;

export class PgRunLedger implements RunLedger {
  constructor(private readonly db: PgDatabase) {}

  async claim(job: JobName, period: string, options: ClaimOptions): Promise<RunClaim | undefined> {
    const token = randomUUID();
    const row = await this.db.row<{ attempts: number }>(CLAIM, claimParams(job, period, token, options));
    return row ? { job, period, token, attempt: row.attempts } : undefined;
  }

  async takeOver(job: JobName, period: string, deadOwner: string, options: ClaimOptions): Promise<RunClaim | undefined> {
    const token = randomUUID();
    const row = await this.db.row<{ attempts: number }>(TAKE_OVER, [...claimParams(job, period, token, options), deadOwner]);
    return row ? { job, period, token, attempt: row.attempts } : undefined;
  }

  async renew(claim: RunClaim, now: Date, leaseMs: number): Promise<boolean> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return (await this.db.rows(RENEW, [claim.job, claim.period, claim.token, leaseUntil])).length === 1;
  }

  async complete(claim: RunClaim, result: { channel: string; messageTs: string; now: Date }): Promise<boolean> {
    return this.finish(claim, 'done', result.now, [result.channel, result.messageTs, null]);
  }

  async skip(claim: RunClaim, now: Date): Promise<boolean> {
    return this.finish(claim, 'skipped', now, [null, null, null]);
  }

  async fail(claim: RunClaim, error: string, now: Date): Promise<boolean> {
    return this.finish(claim, 'failed', now, [null, null, error.slice(0, 1000)]);
  }

  async get(job: JobName, period: string): Promise<RunRecord | undefined> {
    const row = await this.db.row<RunRow>('SELECT * FROM job_runs WHERE job = $1 AND period = $2', [job, period]);
    return row && runRecordFromRow(row);
  }

  async lastDone(job: JobName): Promise<RunRecord | undefined> {
    const row = await this.db.row<RunRow>(`SELECT * FROM job_runs WHERE job = $1 AND state = 'done' ORDER BY finished_at DESC LIMIT 1`, [job]);
    return row && runRecordFromRow(row);
  }

  async hold(post: Pick<HeldPost, 'job' | 'period' | 'dueAt'>, options: Pick<ClaimOptions, 'owner' | 'now'>): Promise<void> {
    await this.db.transaction(async (client) => {
      await this.db.rows(
        `INSERT INTO held_posts (job, period, due_at, held_by, held_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (job, period) DO NOTHING`,
        [post.job, post.period, post.dueAt, options.owner, options.now],
        client,
      );
      await this.db.rows(GIVE_WAY, [post.job, post.dueAt], client);
    });
  }

  async heldPosts(since: Date): Promise<HeldPost[]> {
    return (await this.db.rows<HeldPostRow>(HELD_POSTS, [since])).map(heldPostFromRow);
  }

  async settleHeld(job: JobName, period: string, now: Date): Promise<void> {
    await this.db.rows(SETTLE_HELD, [job, period, now]);
  }

  /** fields: channel, message ts, error. */
  private async finish(claim: RunClaim, state: RunState, now: Date, fields: [string | null, string | null, string | null]): Promise<boolean> {
    return (await this.db.rows(FINISH, [claim.job, claim.period, claim.token, state, now, ...fields])).length === 1;
  }
}

function claimParams(job: JobName, period: string, token: string, options: ClaimOptions): unknown[] {
  return [job, period, token, options.owner, options.now, new Date(options.now.getTime() + options.leaseMs)];
}

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { JobName } from '../../domain/periods.js';
import type { ClaimOptions, RunClaim, RunLedger, RunRecord, RunState } from '../run-ledger.js';

interface RunRow {
  job: string;
  period: string;
  state: string;
  claim_token: string | null;
  claimed_by: string;
  claimed_at: string;
  finished_at: string | null;
  attempts: number;
  channel: string | null;
  message_ts: string | null;
  error: string | null;
}

interface ClaimParams {
  job: string;
  period: string;
  token: string;
  owner: string;
  now: string;
  staleBefore: string;
}

/**
 * The run ledger in SQLite. A claim is one INSERT … ON CONFLICT DO UPDATE … WHERE statement:
 * SQLite runs it under the database's write lock, so of two processes claiming the same period
 * exactly one gets a row back.
 */
export class SqliteRunLedger implements RunLedger {
  private readonly claimStatement: Database.Statement<[ClaimParams], RunRow>;
  private readonly finishStatement: Database.Statement<
    [{ job: string; period: string; token: string; state: RunState; now: string; channel: string | null; ts: string | null; error: string | null }]
  >;
  private readonly getStatement: Database.Statement<[string, string], RunRow>;
  private readonly lastDoneStatement: Database.Statement<[string], RunRow>;

  constructor(db: Database.Database) {
    this.claimStatement = db.prepare(
      `INSERT INTO job_runs (job, period, state, claim_token, claimed_by, claimed_at, attempts)
       VALUES (@job, @period, 'claimed', @token, @owner, @now, 1)
       ON CONFLICT (job, period) DO UPDATE SET
         state = 'claimed', claim_token = excluded.claim_token, claimed_by = excluded.claimed_by,
         claimed_at = excluded.claimed_at, attempts = job_runs.attempts + 1,
         finished_at = NULL, error = NULL
       WHERE job_runs.state = 'failed' OR (job_runs.state = 'claimed' AND job_runs.claimed_at < @staleBefore)
       RETURNING *`,
    );
    this.finishStatement = db.prepare(
      `UPDATE job_runs SET state = @state, finished_at = @now, channel = @channel, message_ts = @ts, error = @error,
         claim_token = NULL
       WHERE job = @job AND period = @period AND claim_token = @token AND state = 'claimed'`,
    );
    this.getStatement = db.prepare('SELECT * FROM job_runs WHERE job = ? AND period = ?');
    this.lastDoneStatement = db.prepare(
      `SELECT * FROM job_runs WHERE job = ? AND state = 'done' ORDER BY finished_at DESC LIMIT 1`,
    );
  }

  async claim(job: JobName, period: string, options: ClaimOptions): Promise<RunClaim | undefined> {
    const token = randomUUID();
    const row = this.claimStatement.get({
      job,
      period,
      token,
      owner: options.owner,
      now: options.now.toISOString(),
      staleBefore: new Date(options.now.getTime() - options.staleAfterMs).toISOString(),
    });
    return row ? { job, period, token, attempt: row.attempts } : undefined;
  }

  async complete(claim: RunClaim, result: { channel: string; messageTs: string; now: Date }): Promise<boolean> {
    return this.finish(claim, 'done', result.now, { channel: result.channel, ts: result.messageTs, error: null });
  }

  async skip(claim: RunClaim, now: Date): Promise<boolean> {
    return this.finish(claim, 'skipped', now, { channel: null, ts: null, error: null });
  }

  async fail(claim: RunClaim, error: string, now: Date): Promise<boolean> {
    return this.finish(claim, 'failed', now, { channel: null, ts: null, error: error.slice(0, 1000) });
  }

  async get(job: JobName, period: string): Promise<RunRecord | undefined> {
    const row = this.getStatement.get(job, period);
    return row && toRecord(row);
  }

  async lastDone(job: JobName): Promise<RunRecord | undefined> {
    const row = this.lastDoneStatement.get(job);
    return row && toRecord(row);
  }

  private finish(
    claim: RunClaim,
    state: RunState,
    now: Date,
    fields: { channel: string | null; ts: string | null; error: string | null },
  ): boolean {
    const { changes } = this.finishStatement.run({
      job: claim.job,
      period: claim.period,
      token: claim.token,
      state,
      now: now.toISOString(),
      ...fields,
    });
    return changes === 1;
  }
}

function toRecord(row: RunRow): RunRecord {
  return {
    job: row.job as JobName,
    period: row.period,
    state: row.state as RunState,
    claimedBy: row.claimed_by,
    claimedAt: new Date(row.claimed_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    attempts: row.attempts,
    channel: row.channel,
    messageTs: row.message_ts,
    error: row.error,
  };
}

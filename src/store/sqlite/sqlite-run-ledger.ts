import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { JobName } from '../../domain/periods.js';
import type { ClaimOptions, HeldPost, RunClaim, RunLedger, RunRecord, RunState } from '../run-ledger.js';
import { GIVE_WAY, HELD_POSTS, heldPostFromRow, SETTLE_HELD, type HeldPostRow } from '../held-post-row.js';
import { runRecordFromRow, type RunRow } from '../run-row.js';
import { BACKGROUND_WRITE_PATIENCE_MS, whenNotBusy } from './busy-retry.js';

interface ClaimParams {
  job: string;
  period: string;
  token: string;
  owner: string;
  now: string;
  leaseUntil: string;
}

interface FinishParams {
  job: string;
  period: string;
  token: string;
  state: RunState;
  now: string;
  channel: string | null;
  ts: string | null;
  error: string | null;
}

interface HoldParams {
  job: string;
  period: string;
  dueAt: string;
  owner: string;
  now: string;
}

/**
 * The run ledger in SQLite. A claim is one INSERT … ON CONFLICT DO UPDATE … WHERE statement:
 * SQLite runs it under the database's write lock, so of two processes claiming the same period
 * exactly one gets a row back.
 */
export class SqliteRunLedger implements RunLedger {
  private readonly claimStatement: Database.Statement<[ClaimParams], RunRow>;
  private readonly takeOverStatement: Database.Statement<[ClaimParams & { deadOwner: string }], RunRow>;
  private readonly renewStatement: Database.Statement<[{ job: string; period: string; token: string; leaseUntil: string }]>;
  private readonly finishStatement: Database.Statement<[FinishParams]>;
  private readonly getStatement: Database.Statement<[string, string], RunRow>;
  private readonly lastDoneStatement: Database.Statement<[string], RunRow>;
  private readonly holdTransaction: Database.Transaction<(params: HoldParams) => void>;
  private readonly heldStatement: Database.Statement<[string], HeldPostRow>;
  private readonly settleStatement: Database.Statement<[{ job: string; period: string; now: string }]>;

  constructor(
    db: Database.Database,
    /** Scheduled jobs write here; nobody waits on them in Slack. */
    private readonly patienceMs = BACKGROUND_WRITE_PATIENCE_MS,
  ) {
    this.claimStatement = db.prepare(
      `INSERT INTO job_runs (job, period, state, claim_token, claimed_by, claimed_at, lease_until, attempts)
       VALUES (@job, @period, 'claimed', @token, @owner, @now, @leaseUntil, 1)
       ON CONFLICT (job, period) DO UPDATE SET
         state = 'claimed', claim_token = excluded.claim_token, claimed_by = excluded.claimed_by,
         claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, attempts = job_runs.attempts + 1,
         finished_at = NULL, error = NULL
       WHERE job_runs.state = 'failed' OR (job_runs.state = 'claimed' AND COALESCE(job_runs.lease_until, job_runs.claimed_at) < @now)
       RETURNING *`,
    );
    this.takeOverStatement = db.prepare(
      `UPDATE job_runs SET claim_token = @token, claimed_by = @owner, claimed_at = @now, lease_until = @leaseUntil,
         attempts = attempts + 1, error = NULL
       WHERE job = @job AND period = @period AND state = 'claimed' AND claimed_by = @deadOwner
       RETURNING *`,
    );
    this.renewStatement = db.prepare(
      `UPDATE job_runs SET lease_until = @leaseUntil
       WHERE job = @job AND period = @period AND claim_token = @token AND state = 'claimed'`,
    );
    this.finishStatement = db.prepare(
      `UPDATE job_runs SET state = @state, finished_at = @now, channel = @channel, message_ts = @ts, error = @error,
         claim_token = NULL, lease_until = NULL
       WHERE job = @job AND period = @period AND claim_token = @token AND state = 'claimed'`,
    );
    this.getStatement = db.prepare('SELECT * FROM job_runs WHERE job = ? AND period = ?');
    this.lastDoneStatement = db.prepare(`SELECT * FROM job_runs WHERE job = ? AND state = 'done' ORDER BY finished_at DESC LIMIT 1`);
    const insertHeld = db.prepare<[HoldParams]>(
      `INSERT INTO held_posts (job, period, due_at, held_by, held_at) VALUES (@job, @period, @dueAt, @owner, @now)
       ON CONFLICT (job, period) DO NOTHING`,
    );
    const giveWay = db.prepare<[HoldParams]>(GIVE_WAY.replaceAll('$1', '@job').replaceAll('$2', '@dueAt'));
    this.holdTransaction = db.transaction((params: HoldParams) => {
      insertHeld.run(params);
      giveWay.run(params);
    });
    this.heldStatement = db.prepare(HELD_POSTS.replace('$1', '?'));
    this.settleStatement = db.prepare(SETTLE_HELD.replace('$1', '@job').replace('$2', '@period').replace('$3', '@now'));
  }

  async claim(job: JobName, period: string, options: ClaimOptions): Promise<RunClaim | undefined> {
    const token = randomUUID();
    const row = await this.whenFree(() => this.claimStatement.get(claimParams(job, period, token, options)));
    return row ? { job, period, token, attempt: row.attempts } : undefined;
  }

  async takeOver(job: JobName, period: string, deadOwner: string, options: ClaimOptions): Promise<RunClaim | undefined> {
    const token = randomUUID();
    const row = await this.whenFree(() => this.takeOverStatement.get({ ...claimParams(job, period, token, options), deadOwner }));
    return row ? { job, period, token, attempt: row.attempts } : undefined;
  }

  async renew(claim: RunClaim, now: Date, leaseMs: number): Promise<boolean> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const { changes } = await this.whenFree(() => this.renewStatement.run({ job: claim.job, period: claim.period, token: claim.token, leaseUntil }));
    return changes === 1;
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
    return row && runRecordFromRow(row);
  }

  async lastDone(job: JobName): Promise<RunRecord | undefined> {
    const row = this.lastDoneStatement.get(job);
    return row && runRecordFromRow(row);
  }

  async hold(post: Pick<HeldPost, 'job' | 'period' | 'dueAt'>, options: Pick<ClaimOptions, 'owner' | 'now'>): Promise<void> {
    const params = { job: post.job, period: post.period, dueAt: post.dueAt.toISOString(), owner: options.owner, now: options.now.toISOString() };
    await this.whenFree(() => this.holdTransaction.immediate(params));
  }

  async heldPosts(since: Date): Promise<HeldPost[]> {
    return this.heldStatement.all(since.toISOString()).map(heldPostFromRow);
  }

  async settleHeld(job: JobName, period: string, now: Date): Promise<void> {
    await this.whenFree(() => this.settleStatement.run({ job, period, now: now.toISOString() }));
  }

  private async finish(claim: RunClaim, state: RunState, now: Date, fields: { channel: string | null; ts: string | null; error: string | null }): Promise<boolean> {
    const params = { job: claim.job, period: claim.period, token: claim.token, state, now: now.toISOString(), ...fields };
    const { changes } = await this.whenFree(() => this.finishStatement.run(params));
    return changes === 1;
  }

  private whenFree<T>(write: () => T): Promise<T> {
    return whenNotBusy(write, this.patienceMs);
  }
}

function claimParams(job: JobName, period: string, token: string, options: ClaimOptions): ClaimParams {
  return {
    job,
    period,
    token,
    owner: options.owner,
    now: options.now.toISOString(),
    leaseUntil: new Date(options.now.getTime() + options.leaseMs).toISOString(),
  };
}

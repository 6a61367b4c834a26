import type { JobName } from '../domain/periods.js';
import type { RunRecord, RunState } from './run-ledger.js';

/** A job_runs row as both databases return it (timestamps as ISO text or Date). */
export interface RunRow {
  job: string;
  period: string;
  state: string;
  claim_token: string | null;
  claimed_by: string;
  claimed_at: string | Date;
  lease_until: string | Date | null;
  finished_at: string | Date | null;
  attempts: number;
  channel: string | null;
  message_ts: string | null;
  error: string | null;
}

export function runRecordFromRow(row: RunRow): RunRecord {
  return {
    job: row.job as JobName,
    period: row.period,
    state: row.state as RunState,
    claimedBy: row.claimed_by,
    claimedAt: new Date(row.claimed_at),
    leaseUntil: row.lease_until ? new Date(row.lease_until) : null,
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    attempts: Number(row.attempts),
    channel: row.channel,
    messageTs: row.message_ts,
    error: row.error,
  };
}

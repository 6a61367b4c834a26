import type { JobName } from '../domain/periods.js';

/**
 * claimed: a process is posting this period now. done: Slack accepted the message.
 * skipped: the run found nothing to post. failed: posting failed; the period may be tried again.
 */
export type RunState = 'claimed' | 'done' | 'skipped' | 'failed';

export interface RunRecord {
  job: JobName;
  period: string;
  state: RunState;
  claimedBy: string;
  claimedAt: Date;
  finishedAt: Date | null;
  attempts: number;
  channel: string | null;
  messageTs: string | null;
  error: string | null;
}

/** Proof of holding a period; finishing it needs the token. */
export interface RunClaim {
  job: JobName;
  period: string;
  token: string;
  attempt: number;
}

export interface ClaimOptions {
  /** Names the process in the record (host and pid), for whoever reads the table. */
  owner: string;
  now: Date;
  /** A claim older than this is taken to belong to a process that died; it can be claimed again. */
  staleAfterMs: number;
}

/** A crashed run becomes retryable after this; far longer than any post, even with retries. */
export const DEFAULT_STALE_CLAIM_MS = 15 * 60 * 1000;

/** Every scheduled post recorded under its period, claimed atomically before posting. */
export interface RunLedger {
  /**
   * Claims the period when it was never run, failed, or its claim went stale; undefined when
   * it is done, skipped or claimed by a live run. Atomic across processes sharing the store.
   */
  claim(job: JobName, period: string, options: ClaimOptions): Promise<RunClaim | undefined>;
  /** Slack accepted the message. False when the claim was lost meanwhile (taken over as stale). */
  complete(claim: RunClaim, result: { channel: string; messageTs: string; now: Date }): Promise<boolean>;
  /** The run had nothing to post (no pending adhesion). */
  skip(claim: RunClaim, now: Date): Promise<boolean>;
  /** The post failed; the period stays retryable. */
  fail(claim: RunClaim, error: string, now: Date): Promise<boolean>;
  get(job: JobName, period: string): Promise<RunRecord | undefined>;
  /** The latest run Slack accepted, for "what changed since the previous digest". */
  lastDone(job: JobName): Promise<RunRecord | undefined>;
}

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
  /** Until when the claim holds unless its holder renews it (null once finished). */
  leaseUntil: Date | null;
  finishedAt: Date | null;
  attempts: number;
  channel: string | null;
  messageTs: string | null;
  error: string | null;
}

/** Proof of holding a period; finishing or renewing it needs the token. */
export interface RunClaim {
  job: JobName;
  period: string;
  token: string;
  /** 1 for the first try; more when an earlier try failed or its holder vanished (the post may exist already). */
  attempt: number;
}

export interface ClaimOptions {
  /** Names the process in the record (`host:pid:instance`, see process-identity), for takeovers and for whoever reads the table. */
  owner: string;
  now: Date;
  /** How long the claim holds without renewal; a claim whose lease ran out belongs to a process that is gone. */
  leaseMs: number;
}

/**
 * A claim lives as long as its holder renews it: the holder renews every LEASE/4 while posting, so
 * a holder that died (or lost its database) leaves a claim that lapses within a minute, which any
 * replica may then take over. Far longer than the clock skew between replicas.
 */
export const DEFAULT_CLAIM_LEASE_MS = 60_000;

/**
 * A post due on a public holiday, waiting for the next working day: recorded so that a restart, or
 * another replica, sends it then. It is posted under its own period, claimed as any other.
 */
export interface HeldPost {
  job: JobName;
  period: string;
  /** When it goes out: the next working day, at the post's own time. */
  dueAt: Date;
  heldBy: string;
  heldAt: Date;
}

/** Every scheduled post recorded under its period, claimed atomically before posting. */
export interface RunLedger {
  /**
   * Records that a period's post waits until `dueAt` (held over a public holiday); recording it
   * again changes nothing. A post of the same job held earlier to the same instant gives way to it:
   * posts held from holidays in a row go out once, as the latest of them.
   */
  hold(post: Pick<HeldPost, 'job' | 'period' | 'dueAt'>, options: Pick<ClaimOptions, 'owner' | 'now'>): Promise<void>;
  /**
   * Held posts still to send, due since `since`, the earliest first: neither given way nor settled
   * (their period neither done nor skipped). Posting the period is what clears its held record.
   */
  heldPosts(since: Date): Promise<HeldPost[]>;
  /**
   * Marks a held post sent: its run went through and needs no retry. For jobs that record their
   * posts under other keys (personal nudges, per person), this is what clears it.
   */
  settleHeld(job: JobName, period: string, now: Date): Promise<void>;
  /**
   * Claims the period when it was never run, failed, or its claim's lease ran out; undefined
   * when it is done, skipped or claimed by a live run. Atomic across processes sharing the store.
   */
  claim(job: JobName, period: string, options: ClaimOptions): Promise<RunClaim | undefined>;
  /**
   * Takes over a claim whose holder is known to be gone (same host, process dead) before its lease
   * runs out: only while the record is still claimed by `deadOwner`.
   */
  takeOver(job: JobName, period: string, deadOwner: string, options: ClaimOptions): Promise<RunClaim | undefined>;
  /** Extends the lease of a claim still held; false when it was lost (taken over). */
  renew(claim: RunClaim, now: Date, leaseMs: number): Promise<boolean>;
  /** Slack accepted the message. False when the claim was lost meanwhile (taken over). */
  complete(claim: RunClaim, result: { channel: string; messageTs: string; now: Date }): Promise<boolean>;
  /** The run had nothing to post (no pending adhesion). */
  skip(claim: RunClaim, now: Date): Promise<boolean>;
  /** The post failed (or the process is stopping); the period stays retryable. */
  fail(claim: RunClaim, error: string, now: Date): Promise<boolean>;
  get(job: JobName, period: string): Promise<RunRecord | undefined>;
  /** The latest run Slack accepted, for "what changed since the previous digest". */
  lastDone(job: JobName): Promise<RunRecord | undefined>;
}

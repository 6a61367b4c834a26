import { DEFAULT_CLAIM_LEASE_MS } from '../store/run-ledger.js';
import type { JobResult } from './run-job.js';

/** First wait after a failed post, doubled at each further failure up to the cap. */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 30 * 60_000;
/**
 * While another run holds the period: look again this often (a cheap claim attempt), so a holder
 * that died on this host is taken over soon, and one elsewhere once its lease lapses.
 */
export const IN_PROGRESS_RECHECK_MS = 15_000;
const LEASE_MARGIN_MS = 5_000;

/**
 * When to try a scheduled job again within its period: after a failure (back-off), or while
 * another run holds it (its holder may die); never once everything is settled.
 */
export function retryDelay(
  outcome: { failed: boolean; inProgress: boolean },
  retriesSoFar: number,
  leaseMs = DEFAULT_CLAIM_LEASE_MS,
): number | undefined {
  if (outcome.failed) return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, retriesSoFar), MAX_RETRY_MS);
  if (outcome.inProgress) return Math.min(IN_PROGRESS_RECHECK_MS, leaseMs + LEASE_MARGIN_MS);
  return undefined;
}

/** retryDelay for a job that posts one message per period (the reminder, the digest). */
export function retryOnePost(outcome: unknown, retries: number): number | undefined {
  const result = outcome as JobResult | undefined;
  if (!result) return undefined;
  return retryDelay({ failed: result.status === 'failed', inProgress: result.status === 'skipped' && result.reason === 'in-progress' }, retries);
}

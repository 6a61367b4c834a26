import type { JobName } from '../domain/periods.js';
import { catalogue } from '../i18n/index.js';
import { isGoneOnThisHost, REPLICA_ID } from '../ops/process-identity.js';
import { DEFAULT_CLAIM_LEASE_MS, type RunClaim, type RunLedger, type RunRecord } from '../store/run-ledger.js';
import type { JobDeps } from './job-deps.js';

export type ClaimAttempt = { claim: RunClaim } | { existing: RunRecord | undefined };

/** Claims held by this process right now, so a shutdown can hand them back at once. */
const held = new Map<string, { ledger: RunLedger; claim: RunClaim }>();

/**
 * Claims a period in the run ledger; a claim left by a process of this host that is no longer
 * alive is taken over at once instead of waiting for its lease to lapse.
 */
export async function claimPeriod(job: JobName, period: string, deps: JobDeps, now: Date): Promise<ClaimAttempt> {
  const owner = deps.owner ?? REPLICA_ID;
  const options = { owner, now, leaseMs: deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS };
  const claim = await deps.ledger.claim(job, period, options);
  if (claim) return { claim };
  const existing = await deps.ledger.get(job, period);
  if (existing?.state !== 'claimed' || !isGoneOnThisHost(existing.claimedBy, owner)) return { existing };
  const log = catalogue(deps.lang ?? 'en').cli.log;
  deps.logger.warn(log.takingOver(`${log.label[job]} ${period}`, existing.claimedBy));
  const takeover = await deps.ledger.takeOver(job, period, existing.claimedBy, options);
  return takeover ? { claim: takeover } : { existing: await deps.ledger.get(job, period) };
}

/**
 * Renews the claim's lease while the post is under way (every quarter lease), so other replicas
 * know its holder is alive; returns the function that stops renewing and forgets the claim.
 */
export function holdClaim(claim: RunClaim, deps: JobDeps): () => void {
  const leaseMs = deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  const key = `${claim.job}\u0000${claim.period}\u0000${claim.token}`;
  held.set(key, { ledger: deps.ledger, claim });
  const timer = setInterval(() => {
    void deps.ledger.renew(claim, deps.clock(), leaseMs).catch(() => {
      // A database hiccup: the next renewal tries again; a lapsed lease only lets another replica retry.
    });
  }, Math.max(1000, Math.floor(leaseMs / 4)));
  timer.unref();
  return () => {
    clearInterval(timer);
    held.delete(key);
  };
}

/**
 * Hands back every claim this process holds (on shutdown): each period stays open, and whoever
 * takes it next looks for the post in the channel before posting.
 */
export async function releaseHeldClaims(reason: string, now = new Date()): Promise<number> {
  const claims = [...held.values()];
  held.clear();
  const released = await Promise.all(claims.map(({ ledger, claim }) => ledger.fail(claim, reason, now).catch(() => false)));
  return released.filter(Boolean).length;
}

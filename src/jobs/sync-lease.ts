import type { RunningSync } from '../notion/sync-summary.js';
import { isGoneOnThisHost } from '../ops/process-identity.js';
import type { Coordination } from '../store/coordination.js';

/** The lease every replica takes before syncing with Notion: one sync at a time, wherever it started. */
export const SYNC_LEASE = 'notion-sync';

export interface SyncLeaseOptions {
  replicaId: string;
  now: () => Date;
  /** How long the lease outlives its last renewal: a replica that died frees it after this. */
  ttlMs?: number;
  renewEveryMs?: number;
  warn?: (message: string, data?: Record<string, unknown>) => void;
}

export interface HeldSyncLease {
  /** True once a renewal found the lease taken by another replica (this one stalled past the TTL). */
  readonly lost: boolean;
  release(): Promise<void>;
}

export type SyncLeaseResult = { held: HeldSyncLease } | { busy: RunningSync };

let runs = 0;

/**
 * The holder names the replica, the run (two runs of one process are told apart) and its start,
 * so that a refused request can say where and since when a sync is running.
 */
function holderName(replicaId: string, startedAt: Date): string {
  runs += 1;
  return `${replicaId}#${runs}@${startedAt.toISOString()}`;
}

export function parseHolder(holder: string): RunningSync {
  const match = /^(.*)#\d+@(\d{4}-\d\d-\d\dT[\d:.]+Z)$/.exec(holder);
  return match ? { replica: match[1]!, since: match[2]! } : { replica: holder, since: null };
}

/**
 * Takes the sync lease and keeps it renewed until released; or says who has it. A lease left by
 * a process of this host that is gone (a sync killed midway) is taken over at once rather than
 * after its TTL.
 */
export async function takeSyncLease(coordination: Coordination, options: SyncLeaseOptions): Promise<SyncLeaseResult> {
  const { replicaId, now, ttlMs = 60_000, renewEveryMs = 15_000 } = options;
  const holder = holderName(replicaId, now());
  let taken = await coordination.acquireLease(SYNC_LEASE, holder, ttlMs, now());
  if (!taken) {
    const current = await coordination.leaseHolder(SYNC_LEASE, now());
    const other = current ? parseHolder(current) : undefined;
    if (current && other?.replica && isGoneOnThisHost(other.replica, replicaId)) await coordination.releaseLease(SYNC_LEASE, current);
    // Also covers a lease released between the two calls above.
    taken = await coordination.acquireLease(SYNC_LEASE, holder, ttlMs, now());
    if (!taken) return { busy: other ?? { replica: null, since: null } };
  }
  return { held: keepRenewed(coordination, holder, { ...options, ttlMs, renewEveryMs }) };
}

function keepRenewed(coordination: Coordination, holder: string, options: Required<Omit<SyncLeaseOptions, 'warn'>> & SyncLeaseOptions): HeldSyncLease {
  let lost = false;
  let renewal: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewal = coordination.acquireLease(SYNC_LEASE, holder, options.ttlMs, options.now()).then(
      (renewed) => {
        if (!renewed && !lost) options.warn?.('the Notion sync lease was taken over by another replica', { holder });
        lost ||= !renewed;
      },
      // A busy database: the next renewal tries again, well within the TTL.
      (error: unknown) => options.warn?.('the Notion sync lease could not be renewed', { error: error instanceof Error ? error.message : String(error) }),
    );
  }, options.renewEveryMs);
  // The lease must not keep a finished command alive.
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    async release() {
      clearInterval(timer);
      // A renewal landing after the release would hold the lease for another TTL.
      await renewal;
      if (!lost) await coordination.releaseLease(SYNC_LEASE, holder);
    },
  };
}

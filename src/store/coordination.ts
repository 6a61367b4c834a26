/**
 * What replicas of the app share beyond the records: a delivery seen once, a lease held by one
 * process at a time, the Home tabs to refresh. Kept in the database so that N processes behave as one.
 */
export interface Coordination {
  /**
   * Records a delivery (a Slack event's ID); true the first time the key is seen by any process,
   * false for a repeat (Slack's retry of a request another replica already handled).
   */
  firstDelivery(key: string, at: Date): Promise<boolean>;
  /**
   * Whether firstDelivery saw the key (within the memory of deliveries), recording nothing: for
   * deliveries recorded only once handled (Notion's events), so a failed one is handled again.
   */
  delivered(key: string): Promise<boolean>;
  /**
   * Takes the named lease for `ttlMs` when it is free, lapsed, or already `holder`'s (which renews
   * it); false while another holder has it.
   */
  acquireLease(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Frees the lease if `holder` still has it. */
  releaseLease(name: string, holder: string): Promise<void>;
  /** Who holds the lease now, if anyone (for "a sync is already running on …"). */
  leaseHolder(name: string, now: Date): Promise<string | undefined>;
  /** Remembers a user who opened the Home tab, so any replica refreshes it after a change. */
  rememberHomeViewer(userId: string, at: Date): Promise<void>;
  /** The most recent Home tab visitors, newest first. */
  recentHomeViewers(limit: number): Promise<string[]>;
}

/** Deliveries older than this are forgotten: Slack retries within minutes. */
const DELIVERY_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Forgetting is housekeeping: once in a while per process, not one more write on every event. */
const FORGET_EVERY_MS = 10 * 60 * 1000;

/** When a store should forget old deliveries, shared by both databases' Coordination. */
export class DeliveryMemory {
  private lastForgotAt = Number.NEGATIVE_INFINITY;

  /** The instant before which deliveries may be forgotten now, or undefined when it is not yet time. */
  forgetBefore(at: Date): Date | undefined {
    if (at.getTime() - this.lastForgotAt < FORGET_EVERY_MS) return undefined;
    this.lastForgotAt = at.getTime();
    return new Date(at.getTime() - DELIVERY_MEMORY_MS);
  }
}

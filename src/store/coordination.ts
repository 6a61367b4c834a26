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

import type { BilingualText } from '../domain/types.js';
import type { PulledChange, RunningSync, SyncSummary } from './sync-summary.js';
import type { NotionWebhookEvent, WebhookOutcome } from './webhook-events.js';

/** A sync asked for: started (or joined, in this process), or refused because one runs elsewhere. */
export type SyncStart =
  | { status: 'started'; done: Promise<SyncSummary> }
  | { status: 'busy'; running: RunningSync; summary: SyncSummary };

/** What `/corridor sync` needs: whether Notion is configured, and a way to run the sync. */
export interface NotionSyncAccess {
  configured: boolean;
  /** The one line saying what to set, when Notion is not configured. */
  notConfigured: BilingualText;
  run(): Promise<SyncSummary>;
  /** Starts a sync (or joins this process's), or says that another replica is running one. */
  start(): Promise<SyncStart>;
  /**
   * Calls `listener` after each run (scheduled or asked for) that brought statuses back from
   * Notion into the store, before the run resolves; a listener's failure is logged, not thrown.
   */
  onPulled(listener: (changes: readonly PulledChange[]) => Promise<void>): void;
  /** Applies one verified Notion webhook event (see page-events.ts); 'ignored' while Notion is not configured. */
  applyEvent(event: NotionWebhookEvent): Promise<WebhookOutcome>;
}

import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { markFailed } from './receiver/request-record.js';

/**
 * Tracks the requests the app is still handling, so a graceful stop (or a test) can wait for the
 * work listeners do after acknowledging Slack, such as refreshing Home tabs.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /**
   * Global middleware: registered first, it sees every request from start to end, and marks the
   * request's record as failed when its listener threw (Bolt hands listener errors to app.error
   * rather than to the receiver, so only middleware around the listeners can see them).
   */
  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next, context }) => {
    const work = next();
    this.running.add(work);
    try {
      await work;
    } catch (error) {
      markFailed(context);
      throw error;
    } finally {
      this.running.delete(work);
    }
  };

  /** How many requests are still being handled. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing is running (work started meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

import type { App } from '@slack/bolt';

/**
 * Tracks the requests the app is still handling, so a graceful stop (or a test) can wait for the
 * work listeners do after acknowledging Slack, such as refreshing Home tabs.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /**
   * Watches every request the app handles: both receivers (HTTP and Socket Mode) hand each one to
   * app.processEvent, which resolves once its listeners are done. Wrapping it costs a request less
   * than a global middleware, which Bolt calls with a fresh copy of every listener argument.
   */
  watch(app: App): void {
    const processEvent = app.processEvent.bind(app);
    app.processEvent = (event) => this.track(processEvent(event));
  }

  private async track(work: Promise<void>): Promise<void> {
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  }

  /** How many requests are still being handled. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing is running (work started meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

import { releaseHeldClaims } from '../jobs/period-claim.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { CorridorApp } from '../slack/app.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { ShutdownStep } from './shutdown.js';

/** Under the 10 s a supervisor (systemd, Kubernetes, Docker) usually allows before killing. */
export const SHUTDOWN_DEADLINE_MS = 8_000;

export interface RunningBot {
  slack: CorridorApp;
  store: CorridorStore;
  scheduler?: Scheduler;
  stopNotionSync?: () => void;
}

/**
 * The bot's shutdown: stop taking work, let work under way finish (requests, then scheduled posts,
 * so their periods are recorded), and close the store last, since everything before may write to it.
 */
export function botShutdownSteps({ slack, store, scheduler, stopNotionSync }: RunningBot): ShutdownStep[] {
  return [
    { name: 'stop the schedules and stop accepting requests', share: 1, run: () => (stopNotionSync?.(), slack.app.stop()) },
    { name: 'finish requests in flight', share: 4, run: () => slack.idle(), pending: () => `${slack.running()} request(s) still running` },
    { name: 'finish scheduled posts', share: 3, run: () => scheduler?.stop() },
    // A post still waiting on Slack: its period is handed back, and whoever takes it next looks
    // for the post in the channel before posting, so it is never doubled.
    { name: 'hand back the periods of posts still under way', share: 1, run: () => releaseHeldClaims('the process stopped during the post') },
    { name: 'close the store', share: 1, run: () => store.close() },
  ];
}

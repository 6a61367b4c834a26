import type { Snooze } from '../domain/snooze.js';

/** Partners left out of the pending-adhesion reminders for a while. */
export interface SnoozeStore {
  /** Snoozes the partner until a date; a snooze already running longer is kept. */
  snooze(snooze: Snooze): Promise<void>;
  /** Snoozes still running on `today` (their `until` is later). */
  active(today: string): Promise<Snooze[]>;
}

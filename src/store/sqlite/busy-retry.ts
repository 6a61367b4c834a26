import Database from 'better-sqlite3';
import { StoreBusyError } from '../corridor-store.js';

/** Someone is waiting in Slack (3 s to answer): a user's write waits this long for the lock, then says so. */
export const USER_WRITE_PATIENCE_MS = 2_000;
/** Nobody waits on scheduled jobs, nor on opening the store: they may wait longer. */
export const BACKGROUND_WRITE_PATIENCE_MS = 10_000;

const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/** SQLITE_BUSY (another connection holds the lock) or SQLITE_LOCKED, with their extended codes. */
export function isBusy(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code);
}

/**
 * Runs a synchronous statement or IMMEDIATE transaction. While another connection holds the lock
 * it is tried again after growing pauses, the event loop serving everyone else meanwhile (the
 * connection's busy_timeout is 0, so no attempt sleeps inside SQLite). A busy attempt wrote
 * nothing: the BEGIN or the single statement failed before any change. After `patienceMs`:
 * StoreBusyError.
 */
export async function whenNotBusy<T>(attempt: () => T, patienceMs: number): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreBusyError(`${error.code} for ${patienceMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}

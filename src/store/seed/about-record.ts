import { ABOUT_ID } from '../../domain/types.js';
import { StoreBusyError, VersionConflictError, type CorridorStore } from '../corridor-store.js';
import { seedProfile, seedWrite } from './seed-plan.js';

/**
 * Gives a database seeded before the about card was a record its card, from the release as a new
 * one is seeded (the purpose, the figures with their year and source, the four tracks), once.
 * Created only where none exists, so nobody's edit is overwritten. True when it was created.
 */
export async function addAboutRecord(store: Pick<CorridorStore, 'about'>, now = new Date()): Promise<boolean> {
  if (await store.about.get(ABOUT_ID)) return false;
  try {
    // Version 0: "must not exist yet", so another process creating it at the same moment wins.
    await store.about.save(seedProfile, { ...seedWrite(now), expectedVersion: 0 });
    return true;
  } catch (error) {
    // Created meanwhile by another process: theirs stands. A busy database must not stop the start: the next start tries again.
    if (!(error instanceof VersionConflictError) && !(error instanceof StoreBusyError)) throw error;
    return false;
  }
}

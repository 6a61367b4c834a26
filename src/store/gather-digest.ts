import { buildDigest, digestSince, type Digest } from '../domain/digest.js';
import { startOfLocalDay } from '../domain/periods.js';
import { localIsoDate } from '../domain/dates.js';
import type { CorridorStore } from './corridor-store.js';
import type { RunLedger } from './run-ledger.js';

/** The digest's content now: what changed is counted from the previous posted digest. */
export async function gatherDigest(store: CorridorStore, ledger: RunLedger, now: Date, timeZone: string): Promise<Digest> {
  const today = localIsoDate(now, timeZone);
  const previous = await ledger.lastDone('digest');
  const previousDigestOn = previous?.finishedAt ? localIsoDate(previous.finishedAt, timeZone) : undefined;
  const since = digestSince(today, previousDigestOn);
  const changesFrom = previous?.finishedAt && previousDigestOn === since ? previous.finishedAt : startOfLocalDay(since, timeZone);
  const [events, partners, actions, tracks, changes] = await Promise.all([
    // Removed records too: "what changed" names partners removed and events cancelled.
    store.events.list({ includeRemoved: true }),
    store.partners.list({ includeRemoved: true }),
    store.actions.list({ includeRemoved: true }),
    store.listTracks(),
    store.changesSince(changesFrom),
  ]);
  return buildDigest({ today, previousDigestOn, events, partners, actions, tracks, changes });
}

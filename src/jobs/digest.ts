import { localIsoDate } from '../domain/dates.js';
import { buildDigest, digestSince, type Digest } from '../domain/digest.js';
import { startOfLocalDay } from '../domain/periods.js';
import type { CorridorStore } from '../store/repository.js';
import type { RunLedger } from '../store/run-ledger.js';
import type { Reply } from '../slack/blocks.js';
import { channelDigestView } from '../slack/views/digest-view.js';
import { runPostingJob, type JobConfig, type JobDeps, type JobResult } from './run-job.js';

/** The digest's content now: what changed is counted from the previous posted digest. */
export async function gatherDigest(store: CorridorStore, ledger: RunLedger, now: Date, timeZone: string): Promise<Digest> {
  const today = localIsoDate(now, timeZone);
  const previous = await ledger.lastDone('digest');
  const previousDigestOn = previous?.finishedAt ? localIsoDate(previous.finishedAt, timeZone) : undefined;
  const since = digestSince(today, previousDigestOn);
  const changesFrom = previous?.finishedAt && previousDigestOn === since ? previous.finishedAt : startOfLocalDay(since, timeZone);
  const [events, partners, actions, tracks, changes] = await Promise.all([
    store.events.list(),
    store.partners.list(),
    store.actions.list(),
    store.listTracks(),
    store.changesSince(changesFrom),
  ]);
  return buildDigest({ today, previousDigestOn, events, partners, actions, tracks, changes });
}

export async function composeChannelDigest(
  deps: { store: CorridorStore; ledger: RunLedger; config: JobConfig },
  now: Date,
): Promise<Reply> {
  const digest = await gatherDigest(deps.store, deps.ledger, now, deps.config.CORRIDOR_TZ);
  return channelDigestView(digest, deps.config.CORRIDOR_CHANNEL_LANG);
}

/** Posts this week's digest to CORRIDOR_CHANNEL, once per ISO week. */
export async function digest(deps: JobDeps): Promise<JobResult> {
  return runPostingJob('digest', deps, (now) => composeChannelDigest(deps, now));
}

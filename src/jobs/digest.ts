import type { Audience } from '../domain/permissions.js';
import { gatherDigest } from '../store/gather-digest.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { RunLedger } from '../store/run-ledger.js';
import type { Reply } from '../slack/blocks.js';
import { channelDigestView } from '../slack/views/digest-view.js';
import type { JobConfig, JobDeps } from './job-deps.js';
import { requireChannel, runPostingJob, type JobResult } from './run-job.js';

/** The channel's digest message for `audience`: its data gathered from the store, its blocks composed by the Slack views. */
export async function composeChannelDigest(
  deps: { store: CorridorStore; ledger: RunLedger; config: JobConfig },
  now: Date,
  audience: Audience,
): Promise<Reply> {
  const digest = await gatherDigest(deps.store, deps.ledger, now, deps.config.CORRIDOR_TZ);
  return channelDigestView(digest, deps.config.CORRIDOR_CHANNEL_LANG, audience);
}

/** Posts this week's digest to CORRIDOR_CHANNEL, once per ISO week; `period`: a held one (see runPostingJob). */
export async function digest(deps: JobDeps, period?: string): Promise<JobResult> {
  return runPostingJob('digest', deps, async (now) => composeChannelDigest(deps, now, await deps.poster.audienceOf(requireChannel(deps.config))), period);
}

import type { KnownBlock } from '@slack/types';
import { DIGEST_UPCOMING_DAYS, digestIsQuiet, type Digest } from '../../domain/digest.js';
import { mondayOf } from '../../domain/dates.js';
import type { Audience } from '../../domain/permissions.js';
import { changeGroupLines } from '../../i18n/change-words.js';
import { formatDate } from '../../i18n/format.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import { context, divider, fitBlocks, header, LIMITS, lineSections, type Reply } from '../blocks.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';
import { actionLine } from './action-item-list-view.js';
import { channelLangs, multilingualMessage, type ChannelLang } from './channel-message.js';
import { eventLine } from './event-views.js';
import { partnerName } from './partner-text.js';
import { followUpText } from './pending-view.js';
import { stageText } from './stage-text.js';

/** How many items each part lists before "… and N more": the digest is a summary. */
export const DIGEST_CAPS = {
  upcoming: 10,
  recent: 5,
  pending: 10,
  actionsPerTrack: 5,
  changedNames: 10,
} as const;

/** The digest in one language, within `maxBlocks`; the public view names no follow-up owner nor action item owner. */
export function digestView(digest: Digest, lang: Lang, audience: Audience, t: Catalogue = catalogue(lang), maxBlocks: number = LIMITS.messageBlocks): Reply {
  const monday = mondayOf(digest.today);
  const title = t.digest.title(formatDate(monday, lang));
  const open = digest.tracks.reduce((sum, group) => sum + group.open.length, 0);
  const overdue = digest.tracks.reduce((sum, group) => sum + group.overdue, 0);
  const summary = t.digest.summary(digest.upcoming.length, digest.pending.length, open, overdue);
  const blocks: KnownBlock[] = [
    header(title),
    context(summary),
    divider(),
    ...lineSections([`*${t.digest.upcomingTitle(DIGEST_UPCOMING_DAYS)}*`, ...eventLines(digest, lang, t)]),
    ...(digest.recent.length
      ? lineSections([`*${t.digest.recentTitle}*`, ...capped(digest.recent, DIGEST_CAPS.recent, t, (e) => eventLine(e, lang, t))])
      : []),
    divider(),
    ...lineSections([`*${t.digest.pendingTitle(digest.pending.length)}*`, ...pendingLines(digest, lang, t, audience)]),
    divider(),
    ...lineSections([`*${t.digest.actionsTitle}*`, ...trackLines(digest, lang, t, audience)]),
    divider(),
    ...lineSections(changeLines(digest, lang, t, audience)),
  ];
  return { text: t.common.labelled(title, summary), blocks: fitBlocks(blocks, t.common.andMore, maxBlocks) };
}

/** The digest as the channel gets it: French, then English, unless CORRIDOR_CHANNEL_LANG picks one; public in a shared channel. */
export function channelDigestView(digest: Digest, setting: ChannelLang, audience: Audience): Reply {
  return multilingualMessage(channelLangs(setting), (lang, maxBlocks) => digestView(digest, lang, audience, catalogue(lang), maxBlocks));
}

function capped<T>(items: readonly T[], cap: number, t: Catalogue, line: (item: T) => string): string[] {
  const shown = items.slice(0, cap).map(line);
  return items.length > cap ? [...shown, `_${t.common.andMore(items.length - cap)}_`] : shown;
}

function eventLines(digest: Digest, lang: Lang, t: Catalogue): string[] {
  if (digest.upcoming.length === 0) return [`_${t.digest.upcomingNone(DIGEST_UPCOMING_DAYS)}_`];
  return capped(digest.upcoming, DIGEST_CAPS.upcoming, t, (event) => eventLine(event, lang, t));
}

function pendingLines(digest: Digest, lang: Lang, t: Catalogue, audience: Audience): string[] {
  if (digest.pending.length === 0) return [`_${t.digest.pendingNone}_`];
  return capped(digest.pending, DIGEST_CAPS.pending, t, (partner) => {
    const stage = stageText(partner, lang, t, digest.today, audience);
    return t.digest.pendingLine(partnerName(partner), stage, audience === 'internal' ? followUpText(partner, t) : '');
  });
}

function trackLines(digest: Digest, lang: Lang, t: Catalogue, audience: Audience): string[] {
  const groups = digest.tracks.filter((group) => group.track !== null || group.open.length > 0);
  if (groups.every((group) => group.open.length === 0)) return [`_${t.digest.actionsNone}_`];
  return groups.flatMap((group) => {
    const heading = group.track ? t.actions.trackLine(group.track.position, escapeMrkdwn(group.track.title[lang])) : t.actions.noTrack;
    return [
      t.digest.trackLine(heading, group.open.length, group.overdue),
      ...capped(group.open, DIGEST_CAPS.actionsPerTrack, t, (item) => `   ${actionLine(item, lang, t, digest.today, audience)}`),
    ];
  });
}

function changeLines(digest: Digest, lang: Lang, t: Catalogue, audience: Audience): string[] {
  const since = formatDate(digest.since, lang);
  const title = `*${digest.sincePreviousDigest ? t.digest.changesTitle(since) : t.digest.changesTitleFirst(since)}*`;
  if (digestIsQuiet(digest)) return [title, `_${t.digest.changesNone}_`];
  const style = { text: escapeMrkdwn, person: mentionUser, cap: DIGEST_CAPS.changedNames };
  return [title, ...changeGroupLines(digest.changes, lang, t, audience, style).map((line) => `• ${line}`)];
}

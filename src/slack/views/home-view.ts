import type { ActionsBlock, HomeView, KnownBlock } from '@slack/types';
import { isOpen } from '../../domain/action-items.js';
import { eventsWhen } from '../../domain/events.js';
import type { Audience } from '../../domain/permissions.js';
import { sortPartners, sortPending } from '../../domain/partner-order.js';
import { partnerStatuses, type ActionItem, type CorridorEvent, type Partner } from '../../domain/types.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, divider, fitBlocks, header, LIMITS, packLinesWithin, section } from '../blocks.js';
import { ACTION_IDS } from '../interaction-ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { actionLine } from './action-item-list-view.js';
import { button } from './buttons.js';
import { eventLine } from './event-views.js';
import { pendingText } from './pending-view.js';
import { actionDoneButton } from './record-buttons.js';

export interface HomeInput {
  partners: readonly Partner[];
  events: readonly CorridorEvent[];
  actions: readonly ActionItem[];
  viewerId: string;
  isAdmin: boolean;
  /** The viewer's side: the public view has no follow-up owners and no buttons. */
  audience: Audience;
  lang: Lang;
  t: Catalogue;
  today: string;
  now: Date;
  timeZone: string;
}

/** How much of each part the Home tab shows; the rest is one command away. */
export const HOME_LIMITS = {
  sectionsPerStatus: 3,
  events: 5,
  pending: 10,
  ownActions: 20,
} as const;

/**
 * The Home tab: partners by status, next events, pending adhesions and the viewer's own open
 * action items with *Done* buttons. Every part is capped, so the view stays within Slack's
 * 100-block limit whatever the size of the store.
 */
export function homeView(input: HomeInput): HomeView {
  const { t, lang, now, timeZone } = input;
  const blocks: KnownBlock[] = [
    header(t.home.title),
    context(t.home.updated(formatDateTime(now, lang, timeZone))),
    ...(input.isAdmin ? toolsBlocks(t) : []),
    ...partnerBlocks(input),
    ...eventBlocks(input),
    ...pendingBlocks(input),
    ...ownActionBlocks(input),
  ];
  return { type: 'home', blocks: fitBlocks(blocks, t.common.andMore, LIMITS.viewBlocks) };
}

function toolsBlocks(t: Catalogue): KnownBlock[] {
  const buttons: ActionsBlock = {
    type: 'actions',
    block_id: 'coordinator_tools',
    elements: [
      button(t.buttons.addPartner, ACTION_IDS.addPartner, 'add'),
      button(t.buttons.addEvent, ACTION_IDS.addEvent, 'add'),
      button(t.buttons.addAction, ACTION_IDS.addAction, 'add'),
    ],
  };
  return [section(`*${t.home.toolsTitle}*`), buttons];
}

/** The signatories; pending adhesions have their own part below, with their age and next step. */
function partnerBlocks({ partners, t }: HomeInput): KnownBlock[] {
  const groups = partnerStatuses.filter((status) => status !== 'pending').flatMap((status) => {
    const members = sortPartners(partners.filter((partner) => partner.status === status));
    if (members.length === 0) return [];
    const lines = members.map((partner) => `• ${escapeMrkdwn(partner.name)}`);
    const { chunks, omitted } = packLinesWithin([`*${t.statusPlural[status]}* (${members.length})`, ...lines], HOME_LIMITS.sectionsPerStatus);
    return [...chunks.map((chunk) => section(chunk)), ...(omitted ? [context(t.home.more.partners(omitted))] : [])];
  });
  return [divider(), section(`*${t.home.partnersTitle}*`), ...groups];
}

function eventBlocks({ events, today, lang, t }: HomeInput): KnownBlock[] {
  const upcoming = eventsWhen([...events], 'upcoming', today).filter((event) => event.status === 'scheduled');
  const shown = upcoming.slice(0, HOME_LIMITS.events);
  const body = shown.length ? shown.map((event) => eventLine(event, lang, t)).join('\n') : t.home.noEvents;
  const omitted = upcoming.length - shown.length;
  return [
    divider(),
    section(`*${t.home.eventsTitle}*\n${body}`),
    ...(omitted > 0 ? [context(t.home.more.events(omitted))] : []),
  ];
}

function pendingBlocks({ partners, lang, t, today, audience, viewerId }: HomeInput): KnownBlock[] {
  return cappedList({
    title: t.home.pendingTitle,
    items: sortPending(partners),
    cap: HOME_LIMITS.pending,
    empty: t.pending.none,
    block: (partner) => section(pendingText(partner, lang, t, today, audience, { viewerId })),
    more: t.home.more.pending,
  });
}

function ownActionBlocks({ actions, viewerId, lang, t, today, audience }: HomeInput): KnownBlock[] {
  return cappedList({
    title: t.home.yourActionsTitle,
    items: actions
      .filter((item) => item.ownerUserId === viewerId && isOpen(item))
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id.localeCompare(b.id)),
    cap: HOME_LIMITS.ownActions,
    empty: t.home.noActions,
    // *Done* is a change: never offered outside the installing organisation.
    // Under "Your action items": the owner is the reader, not named.
    block: (item) => section(actionLine(item, lang, t, today, audience, viewerId), audience === 'internal' ? actionDoneButton(item, t) : undefined),
    more: t.home.more.actions,
  });
}

/** A titled part of the Home tab: its count, at most `cap` items, then "… and N more"; or a line saying it is empty. */
function cappedList<T>(part: {
  title: string;
  items: readonly T[];
  cap: number;
  empty: string;
  block: (item: T) => KnownBlock;
  more: (omitted: number) => string;
}): KnownBlock[] {
  const { title, items, cap } = part;
  if (items.length === 0) return [divider(), section(`*${title}*\n${part.empty}`)];
  const omitted = Math.max(0, items.length - cap);
  return [
    divider(),
    section(`*${title}* (${items.length})`),
    ...items.slice(0, cap).map(part.block),
    ...(omitted > 0 ? [context(part.more(omitted))] : []),
  ];
}

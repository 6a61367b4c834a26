import type { KnownBlock } from '@slack/types';
import type { CorridorEvent, Partner } from '../../domain/types.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import { context, divider, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { eventDateText } from './event-views.js';

export interface EventReminderInput {
  event: CorridorEvent;
  partners: ReadonlyMap<string, Partner>;
  /** The channel's languages (CORRIDOR_CHANNEL_LANG), in the order they are shown. */
  langs: readonly Lang[];
}

/** The channel message the day before an event: what, when (in the corridor's zone), where, by whom. */
export function eventReminderView({ event, partners, langs }: EventReminderInput): Reply {
  const parts = langs.map((lang) => {
    const t = catalogue(lang);
    const title = escapeMrkdwn(event.title[lang]);
    const organisers = event.organiserIds.map((id) => escapeMrkdwn(partners.get(id)?.name ?? id));
    const blocks: KnownBlock[] = [
      section(`${t.reminders.eventTomorrow(title)}\n${t.reminders.details(eventDateText(event, lang), escapeMrkdwn(event.place))}`),
      ...(organisers.length ? [context(t.reminders.organisedBy(t.common.listJoin(organisers)))] : []),
    ];
    return { text: t.reminders.eventTomorrow(event.title[lang]).replace(/\*/g, ''), blocks };
  });
  return {
    text: parts.map((part) => part.text).join(' / '),
    blocks: parts.flatMap((part, index) => (index === 0 ? part.blocks : [divider(), ...part.blocks])),
  };
}

/** CORRIDOR_CHANNEL_LANG as the list of languages a channel message is written in. */
export function channelLanguages(setting: 'fr' | 'en' | 'both'): Lang[] {
  return setting === 'both' ? ['fr', 'en'] : [setting];
}

import type { KnownBlock } from '@slack/types';
import type { CorridorEvent, Partner } from '../../domain/types.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import { context, fitBlocks, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { multilingualMessage } from './channel-message.js';
import { calendarLinkBlock, eventDateText, eventPlaceText, onlineLinkText } from './event-views.js';

export interface EventReminderInput {
  /** The events of one day, soonest first. */
  events: readonly CorridorEvent[];
  partners: ReadonlyMap<string, Partner>;
  /** The channel's languages (CORRIDOR_CHANNEL_LANG), in the order they are shown. */
  langs: readonly Lang[];
  /** An event's calendar file in a language, when calendar links are on. */
  calendarUrl?: (eventId: string, lang: Lang) => string | undefined;
}

/**
 * The channel message the day before: each event of the day, what, when (in the corridor's zone),
 * where, by whom, in one message however many events the day holds.
 */
export function eventReminderView({ events, partners, langs, calendarUrl }: EventReminderInput): Reply {
  return multilingualMessage(langs, (lang, maxBlocks) => {
    const t = catalogue(lang);
    const titles = events.map((event) => escapeMrkdwn(event.title[lang]));
    const heading = events.length === 1 ? t.reminders.eventTomorrow(titles[0]!) : t.reminders.eventsTomorrow(events.length);
    const blocks: KnownBlock[] = events.flatMap((event, index) => {
      const online = onlineLinkText(event, t);
      const details = [t.reminders.details(eventDateText(event, lang), eventPlaceText(event, t)), ...(online ? [online] : [])].join('\n');
      const organisers = organiserLine(event, partners, t);
      const url = calendarUrl?.(event.id, lang);
      return [
        section(events.length === 1 ? `${heading}\n${details}` : `*${titles[index]}*\n${details}`),
        ...(organisers ? [context(organisers)] : []),
        ...(url ? [calendarLinkBlock(url, t)] : []),
      ];
    });
    const all = events.length === 1 ? blocks : [section(`*${heading}*`), ...blocks];
    // The notification text is mrkdwn too: the titles stay escaped there, only the bold goes.
    const text = events.length === 1 ? heading : `${heading} ${t.common.listJoin(titles)}`;
    return { text: text.replace(/\*/g, ''), blocks: fitBlocks(all, t.common.andMore, maxBlocks) };
  });
}

function organiserLine(event: CorridorEvent, partners: ReadonlyMap<string, Partner>, t: Catalogue): string | undefined {
  const organisers = event.organiserIds.map((id) => escapeMrkdwn(partners.get(id)?.name ?? id));
  return organisers.length ? t.reminders.organisedBy(t.common.listJoin(organisers)) : undefined;
}

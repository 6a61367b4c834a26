import type { KnownBlock } from '@slack/types';
import type { CorridorEvent, Partner } from '../../domain/types.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import { context, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { multilingualMessage } from './channel-message.js';
import { calendarLinkBlock, eventDateText } from './event-views.js';

export interface EventReminderInput {
  event: CorridorEvent;
  partners: ReadonlyMap<string, Partner>;
  /** The channel's languages (CORRIDOR_CHANNEL_LANG), in the order they are shown. */
  langs: readonly Lang[];
  /** The event's calendar file in a language, when calendar links are on. */
  calendarUrl?: (lang: Lang) => string | undefined;
}

/** The channel message the day before an event: what, when (in the corridor's zone), where, by whom. */
export function eventReminderView({ event, partners, langs, calendarUrl }: EventReminderInput): Reply {
  return multilingualMessage(langs, (lang) => {
    const t = catalogue(lang);
    const title = escapeMrkdwn(event.title[lang]);
    const organisers = event.organiserIds.map((id) => escapeMrkdwn(partners.get(id)?.name ?? id));
    const blocks: KnownBlock[] = [
      section(`${t.reminders.eventTomorrow(title)}\n${t.reminders.details(eventDateText(event, lang), escapeMrkdwn(event.place))}`),
      ...(organisers.length ? [context(t.reminders.organisedBy(t.common.listJoin(organisers)))] : []),
    ];
    const url = calendarUrl?.(lang);
    if (url) blocks.push(calendarLinkBlock(url, t));
    // The notification text is mrkdwn too: the title stays escaped there, only the bold goes.
    return { text: t.reminders.eventTomorrow(title).replace(/\*/g, ''), blocks };
  });
}

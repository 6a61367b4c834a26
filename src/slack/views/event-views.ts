import type { KnownBlock } from '@slack/types';
import type { EventWhen } from '../../domain/events.js';
import type { CorridorEvent, Partner, Person } from '../../domain/types.js';
import { formatDate, formatEventTime, formatEventWhen } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, fieldsSection, fitBlocks, header, lineSections, section, type Reply } from '../blocks.js';
import { escapeMrkdwn, link } from '../mrkdwn.js';
import { FIRST_PAGE, pagedListView, type PageChoice } from './paged-list.js';

export interface EventDirectory {
  partners: Map<string, Partner>;
  people: Map<string, Person>;
}

export function eventDateText(event: CorridorEvent, lang: Lang): string {
  return formatEventWhen(event, lang);
}

/** Where it takes place, as mrkdwn: the place, or "Online" for an event held online only. */
export function eventPlaceText(event: CorridorEvent, t: Catalogue): string {
  return event.place ? escapeMrkdwn(event.place) : t.eventInvites.online;
}

/** "Online link: <address>", for an event with one. */
export function onlineLinkText(event: CorridorEvent, t: Catalogue): string | undefined {
  return event.onlineUrl ? t.common.labelled(t.eventInvites.onlineUrl, link(event.onlineUrl, event.onlineUrl)) : undefined;
}

export function eventLine(event: CorridorEvent, lang: Lang, t: Catalogue): string {
  const line = t.events.line(escapeMrkdwn(event.title[lang]), eventDateText(event, lang), eventPlaceText(event, t));
  return event.status === 'cancelled' ? `• ~${line}~ (${t.events.cancelled})` : `• ${line}`;
}

/** `title`: when the list is of one partner's events rather than of a time. One page at a time. */
export function eventListView(events: CorridorEvent[], when: EventWhen, lang: Lang, t: Catalogue, title = t.events.title[when], choice: PageChoice = FIRST_PAGE): Reply {
  if (events.length === 0) return { text: t.events.none[when], blocks: [header(title), section(t.events.none[when])] };
  const entries = events.map((event) => ({ text: eventLine(event, lang, t) }));
  return pagedListView({ title, summary: t.events.summary(events.length), entries, ...choice, t });
}

/** *Add to calendar*: a plain link, which every viewer can follow and no listener needs to acknowledge. */
export function calendarLinkBlock(url: string, t: Catalogue) {
  return context(`:calendar: ${link(url, t.calendar.addToCalendar)}`);
}

/** `calendarUrl`: the event's calendar file, when PUBLIC_URL and CALENDAR_FEED_KEY are set. */
export function eventCardView(event: CorridorEvent, directory: EventDirectory, lang: Lang, t: Catalogue, calendarUrl?: string): Reply {
  const f = t.fields;
  const partnerNames = (ids: string[]) =>
    ids.map((id) => escapeMrkdwn(directory.partners.get(id)?.name ?? id));
  const personText = (id: string, role?: string | null) => {
    const person = directory.people.get(id);
    const name = escapeMrkdwn(person?.name ?? id);
    const title = person?.title ? `, ${escapeMrkdwn(person.title[lang])}` : '';
    return role ? `${name}${title} — ${escapeMrkdwn(role)}` : `${name}${title}`;
  };
  const fields = fieldsSection([
    [f.date, formatDate(event.date, lang, { weekday: true })],
    [f.time, formatEventTime(event, lang) ?? f.allDay],
    [f.place, eventPlaceText(event, t)],
    [t.eventInvites.onlineUrl, event.onlineUrl && link(event.onlineUrl, event.onlineUrl)],
    [f.organisers, t.common.listJoin(partnerNames(event.organiserIds))],
  ]);
  // Names only: a person's e-mail stays out of every card, whoever reads it.
  const invited = [...partnerNames(event.invitedPartnerIds), ...event.invitedPersonIds.map((id) => personText(id))];
  const speakers = event.speakers.map((speaker) => `• ${personText(speaker.personId, speaker.role?.[lang])}`);
  const attendees = event.attendeePersonIds.map((id) => `• ${personText(id)}`);
  const present = partnerNames(event.attendingPartnerIds);
  const blocks: KnownBlock[] = [
    header(event.title[lang]),
    ...(event.status === 'cancelled' ? [section(`*${t.event.cancelled}*`)] : []),
    ...(event.summary ? [section(escapeMrkdwn(event.summary[lang]))] : []),
    ...(fields ? [fields] : []),
    ...(calendarUrl ? [calendarLinkBlock(calendarUrl, t)] : []),
    ...(invited.length ? [section(`*${t.eventInvites.invited}* (${invited.length})\n${invited.join(' · ')}`)] : []),
    ...(speakers.length ? [section(`*${f.speakers}*\n${speakers.join('\n')}`)] : []),
    ...(attendees.length ? [section(`*${f.attendees}*\n${attendees.join('\n')}`)] : []),
    ...(present.length
      ? lineSections([`*${f.partnersPresent}* (${present.length})`, present.join(' · ')])
      : []),
  ];
  return {
    text: `${escapeMrkdwn(event.title[lang])} — ${eventDateText(event, lang)}, ${eventPlaceText(event, t)}`,
    blocks: fitBlocks(blocks, t.common.andMore),
  };
}

export function eventSeveralView(typed: string, events: CorridorEvent[], lang: Lang, t: Catalogue): Reply {
  const intro = t.event.several(escapeMrkdwn(typed), events.length);
  const lines = events.map((event) => eventLine(event, lang, t));
  return { text: intro, blocks: fitBlocks([section(intro), ...lineSections(lines)], t.common.andMore) };
}

export function eventNotFoundView(typed: string, t: Catalogue): Reply {
  const said = t.event.notFound(escapeMrkdwn(typed));
  return { text: `${said} ${t.event.listAll}`, blocks: [section(said), context(t.event.listAll)] };
}

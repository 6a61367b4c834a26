import type { KnownBlock } from '@slack/types';
import type { BilingualText, CorridorEvent, Person } from '../../domain/types.js';
import { formatDate } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, fieldsSection, fitBlocks, header, lineSections, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { FIRST_PAGE, pagedListView, type PageChoice } from './paged-list.js';

/** What a person card shows besides the record: gathered by the command from the other records. */
export interface PersonCardInput {
  person: Person;
  /** The partner's name, or the affiliation, in the reader's language; null when neither is known. */
  organisation: string | null;
  spokeAt: { event: CorridorEvent; role: BilingualText | null }[];
  attended: CorridorEvent[];
  /** E-mail addresses are internal: shown only when this is true (see seesInternalDetails). */
  showEmail: boolean;
  /** The person's record is still as the press release gave it. */
  fromRelease: boolean;
  isPressContact: boolean;
  /** Buttons for those who may click them (Edit, for coordinators in Slack). */
  actions?: KnownBlock[];
  lang: Lang;
  t: Catalogue;
}

/** One person: title, organisation, the events they spoke at or attended, their words in the release. */
export function personCardView(input: PersonCardInput): Reply {
  const { person, organisation, lang, t } = input;
  const f = t.fields;
  const eventLine = (event: CorridorEvent, role: BilingualText | null) =>
    `• ${t.people.eventLine(escapeMrkdwn(event.title[lang]), formatDate(event.date, lang), role ? escapeMrkdwn(role[lang]) : null)}`;
  const fields = fieldsSection([
    [f.title, person.title && escapeMrkdwn(person.title[lang])],
    [f.organisation, organisation && escapeMrkdwn(organisation)],
    [f.emailInternal, input.showEmail && person.email ? escapeMrkdwn(person.email) : null],
  ]);
  const spoke = input.spokeAt.map(({ event, role }) => eventLine(event, role));
  const attended = input.attended.map((event) => eventLine(event, null));
  const blocks: KnownBlock[] = [
    header(person.name),
    ...(fields ? [fields] : []),
    ...(spoke.length ? lineSections([`*${f.spokeAt}*`, ...spoke]) : []),
    ...(attended.length ? lineSections([`*${f.attended}*`, ...attended]) : []),
    ...(person.quote ? [section(`*${f.quote}*\n> ${escapeMrkdwn(t.common.quoted(person.quote[lang]))}`)] : []),
    ...(input.isPressContact ? [context(t.people.pressContact)] : []),
    ...(person.removedAt ? [context(t.people.removed)] : []),
    ...(input.actions ?? []),
    ...(input.fromRelease ? [context(t.common.sourceNote)] : []),
  ];
  const about = personAbout(person, organisation, lang);
  return { text: escapeMrkdwn(about ? `${person.name} — ${about}` : person.name), blocks: fitBlocks(blocks, t.common.andMore) };
}

/** "President and Chief Executive Officer, Technum Québec": title and organisation, when known. */
function personAbout(person: Person, organisation: string | null, lang: Lang): string {
  return [person.title?.[lang], organisation].filter((text): text is string => Boolean(text)).join(', ');
}

export function personLine(person: Person, organisation: string | null, lang: Lang): string {
  const about = personAbout(person, organisation, lang);
  return `• *${escapeMrkdwn(person.name)}*${about ? ` — ${escapeMrkdwn(about)}` : ''}`;
}

export interface PeopleListInput {
  people: readonly Person[];
  organisationOf: (person: Person) => string | null;
  /** What was searched for, when something was. */
  typed?: string;
  lang: Lang;
  t: Catalogue;
  /** Which page; the first, with those left out counted, unless said. */
  choice?: PageChoice;
}

/** Everyone found, by name, one page at a time within Slack's message limits. */
export function peopleListView({ people, organisationOf, typed, lang, t, choice = FIRST_PAGE }: PeopleListInput): Reply {
  const title = typed ? t.people.titleFiltered(escapeMrkdwn(typed)) : t.people.title;
  if (people.length === 0) return { text: t.people.none, blocks: [header(title), section(t.people.none)] };
  const entries = people.map((person) => ({ text: personLine(person, organisationOf(person), lang) }));
  return pagedListView({ title, summary: t.people.summary(people.length), entries, ...choice, hint: t.people.cardHint, t });
}

export function personNotFoundView(typed: string, suggestion: Person | undefined, t: Catalogue): Reply {
  const said = t.people.notFound(escapeMrkdwn(typed));
  const hint = suggestion ? t.people.didYouMean(escapeMrkdwn(suggestion.name)) : t.people.listAll;
  return { text: `${said} ${hint}`, blocks: [section(`${said} ${hint}`), ...(suggestion ? [context(t.people.listAll)] : [])] };
}

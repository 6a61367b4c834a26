import { readVerb, type RecordFinder, type Verb } from '../../domain/command-text.js';
import { findPeople, namesPerson, type OrganisationNames } from '../../domain/people.js';
import { seesInternalDetails } from '../../domain/permissions.js';
import type { Lang } from '../../domain/lang.js';
import type { CorridorEvent, Partner, Person } from '../../domain/types.js';
import { PRESS_CONTACT_ID } from '../../store/seed/communique-2025-04-17.js';
import { SEED_ACTOR } from '../../store/seed/seed-plan.js';
import type { Reply } from '../blocks.js';
import { personModalFor } from '../modal-loaders.js';
import { messageView } from '../views/message-view.js';
import { personButtons } from '../views/record-buttons.js';
import { peopleListView, personCardView, personNotFoundView } from '../views/person-views.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { openModal, refusal } from './modal-command.js';

/** `person <name>`: one person's card; `person add`, `person edit <name>`: the person form (coordinators). */
export const personCommand: CorridorCommand = {
  name: 'person',
  aliases: ['contact'],
  frenchAliases: ['personne'],
  help: (t) => t.commands.person,
  async run(args, context) {
    if (!args.trim()) return messageView(context.t.people.missingName);
    const directory = await peopleDirectory(context);
    const verb = readVerb(args, directory.finder);
    if (verb.kind !== 'lookup') return changePerson(verb, directory, context);
    const match = findPeople(verb.query, directory.people, directory.organisationNames);
    if (match.kind === 'none') return personNotFoundView(verb.query, match.suggestion, context.t);
    if (match.people.length > 1) return peopleListView({ ...directory.listing(context.lang), people: match.people, typed: verb.query, t: context.t });
    return personCard(match.people[0]!, directory, context);
  },
};

/** People, partners and events, read once per command, and what each person is known by. */
export interface PeopleDirectory {
  people: Person[];
  partners: ReadonlyMap<string, Partner>;
  events: CorridorEvent[];
  organisationNames: OrganisationNames;
  /** How people answer to the words after `add` and `edit`. */
  finder: RecordFinder;
  listing(lang: Lang): { organisationOf: (person: Person) => string | null; lang: Lang };
}

export async function peopleDirectory({ store }: CommandContext): Promise<PeopleDirectory> {
  const [people, partners, events] = await Promise.all([store.people.list(), store.partners.list({ includeRemoved: true }), store.events.list()]);
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const organisationNames = organisationNamesOf(byId);
  return {
    people,
    partners: byId,
    events,
    organisationNames,
    finder: { names: (query) => namesPerson(query, people), finds: (query) => findPeople(query, people, organisationNames).kind === 'found' },
    listing: (lang) => ({ organisationOf: (person) => organisationOf(byId, person, lang), lang }),
  };
}

/** The organisation a person is of, in the user's language: their partner's name, or their affiliation. */
export function organisationOf(partners: ReadonlyMap<string, Partner>, person: Person, lang: Lang): string | null {
  return (person.partnerId ? partners.get(person.partnerId)?.name : undefined) ?? person.affiliation?.[lang] ?? null;
}

/** What else a person is known by: their partner's name and acronym, or their affiliation in either language. */
export function organisationNamesOf(partners: ReadonlyMap<string, Partner>): OrganisationNames {
  return (person) => {
    const partner = person.partnerId ? partners.get(person.partnerId) : undefined;
    return [partner?.name, partner?.acronym, person.affiliation?.fr, person.affiliation?.en].filter((name): name is string => Boolean(name));
  };
}

/** `add` and `edit`: the person form, for coordinators only. */
export async function changePerson(verb: Exclude<Verb, { kind: 'lookup' }>, directory: PeopleDirectory, context: CommandContext): Promise<Reply | undefined> {
  if (!context.isAdmin) return refusal(context);
  const { store, lang, t } = context;
  if (verb.kind === 'add') return openModal(context, () => personModalFor(store, lang, undefined, verb.rest || undefined));
  if (!verb.rest) return messageView(t.people.missingEdit);
  const match = findPeople(verb.rest, directory.people, directory.organisationNames);
  if (match.kind === 'none') return personNotFoundView(verb.rest, match.suggestion, t);
  if (match.people.length > 1) return peopleListView({ ...directory.listing(lang), people: match.people, typed: verb.rest, t });
  const person = match.people[0]!;
  return openModal(context, () => personModalFor(store, lang, person));
}

function personCard(person: Person, directory: PeopleDirectory, { lang, t, audience, isAdmin, slack }: CommandContext): Reply {
  const spokeAt = directory.events.flatMap((event) =>
    event.speakers.filter((speaker) => speaker.personId === person.id).map((speaker) => ({ event, role: speaker.role })),
  );
  return personCardView({
    person,
    organisation: directory.listing(lang).organisationOf(person),
    spokeAt,
    attended: directory.events.filter((event) => event.attendeePersonIds.includes(person.id)),
    showEmail: seesInternalDetails(audience),
    fromRelease: person.updatedBy === SEED_ACTOR,
    isPressContact: person.id === PRESS_CONTACT_ID,
    // Buttons only where they can be clicked: in Slack, for the coordinators.
    actions: isAdmin && slack ? [personButtons(person, t)] : [],
    lang,
    t,
  });
}

import { z } from 'zod';
import type { Track } from '../domain/types.js';
import { actionStatuses, adhesionStages, eventStatuses, jurisdictions, partnerKinds, partnerStatuses } from '../domain/types.js';
import { catalogue, type Lang } from '../i18n/index.js';
import type { Catalogue } from '../i18n/en.js';
import { normaliseNotionId } from './ids.js';

/**
 * The property types the databases use. `date_range` is a Notion `date` read with its time and end
 * (an event's); `date` is a calendar day, whatever time was set by hand in Notion.
 */
export type NotionPropertyType = 'title' | 'rich_text' | 'select' | 'date' | 'date_range' | 'url' | 'relation';
export type NotionEntity = 'partner' | 'action' | 'person' | 'event';

/** The type Notion itself gives a property of this kind. */
export function notionTypeOf(type: NotionPropertyType): string {
  return type === 'date_range' ? 'date' : type;
}

export type PartnerPropertyKey = keyof Catalogue['notion']['partnerProperties'];
export type ActionPropertyKey = keyof Catalogue['notion']['actionProperties'];
export type PersonPropertyKey = keyof Catalogue['notionPeople']['properties'];
export type EventPropertyKey = keyof Catalogue['notionEvents']['properties'];

export const partnerPropertyTypes: Record<PartnerPropertyKey, NotionPropertyType> = {
  name: 'title',
  corridorId: 'rich_text',
  status: 'select',
  kind: 'select',
  jurisdiction: 'select',
  acronym: 'rich_text',
  officialName: 'rich_text',
  designation: 'rich_text',
  website: 'url',
  joinedOn: 'date',
  pendingSince: 'date',
  nextStep: 'rich_text',
  followUp: 'rich_text',
  stage: 'select',
  stageSince: 'date',
  lastContact: 'date',
};

/**
 * Partner properties added after databases were made: a database without them gets them from the
 * sync itself (data_sources.update), instead of failing its schema check.
 */
export const PARTNER_PROPERTIES_ADDED_LATER: readonly PartnerPropertyKey[] = ['stage', 'stageSince', 'lastContact'];

export const actionPropertyTypes: Record<ActionPropertyKey, NotionPropertyType> = {
  title: 'title',
  corridorId: 'rich_text',
  track: 'select',
  status: 'select',
  owner: 'rich_text',
  dueOn: 'date',
  partners: 'relation',
  completedOn: 'date',
};

/** People: no e-mail, which stays in the corridor's records (Notion pages can be shared outside the organisation). */
export const personPropertyTypes: Record<PersonPropertyKey, NotionPropertyType> = {
  name: 'title',
  corridorId: 'rich_text',
  title: 'rich_text',
  organisation: 'rich_text',
  partner: 'relation',
};

/** Events' relations to people, kept only when the People database is set (see eventPropertyTypes). */
export const EVENT_PEOPLE_PROPERTIES: readonly EventPropertyKey[] = ['speakers', 'invitedPeople'];

const allEventPropertyTypes: Record<EventPropertyKey, NotionPropertyType> = {
  title: 'title',
  corridorId: 'rich_text',
  date: 'date_range',
  place: 'rich_text',
  onlineUrl: 'url',
  status: 'select',
  organisers: 'relation',
  invitedPartners: 'relation',
  partnersPresent: 'relation',
  speakers: 'relation',
  invitedPeople: 'relation',
  summary: 'rich_text',
};

/** Events' properties the sync manages: without the People database, their relations to people are left alone. */
export function eventPropertyTypes(withPeople: boolean): Record<EventPropertyKey, NotionPropertyType> {
  if (withPeople) return allEventPropertyTypes;
  return Object.fromEntries(Object.entries(allEventPropertyTypes).filter(([key]) => !EVENT_PEOPLE_PROPERTIES.includes(key as EventPropertyKey))) as Record<EventPropertyKey, NotionPropertyType>;
}

/** What the sync knows about one database once its schema has been checked. */
export interface ResolvedDatabase<K extends string> {
  entity: NotionEntity;
  databaseId: string;
  dataSourceId: string;
  /** Title of the data source, for messages. */
  title: string;
  /** Language the property names were found in; also the language the sync writes in. */
  lang: Lang;
  names: Record<K, string>;
}
export type PartnersDatabase = ResolvedDatabase<PartnerPropertyKey>;
export type ActionsDatabase = ResolvedDatabase<ActionPropertyKey>;
export type PeopleDatabase = ResolvedDatabase<PersonPropertyKey>;
export type EventsDatabase = ResolvedDatabase<EventPropertyKey> & { withPeople: boolean };

export function partnerPropertyNames(lang: Lang): Record<PartnerPropertyKey, string> {
  return catalogue(lang).notion.partnerProperties;
}

export function actionPropertyNames(lang: Lang): Record<ActionPropertyKey, string> {
  return catalogue(lang).notion.actionProperties;
}

export function personPropertyNames(lang: Lang): Record<PersonPropertyKey, string> {
  return catalogue(lang).notionPeople.properties;
}

export function eventPropertyNames(lang: Lang): Record<EventPropertyKey, string> {
  return catalogue(lang).notionEvents.properties;
}

/** Select options may not contain commas and are at most 100 characters long. */
export function selectOptionName(label: string): string {
  const clean = label.replace(/,/g, ' –').replace(/\s+/g, ' ').trim();
  return clean.length <= 100 ? clean : `${clean.slice(0, 99)}…`;
}

export function trackOptionName(track: Track, lang: Lang): string {
  return selectOptionName(track.title[lang]);
}

type Color = 'default' | 'gray' | 'brown' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'pink' | 'red';
type PropertyDefinition =
  | { title: Record<string, never> }
  | { rich_text: Record<string, never> }
  | { url: Record<string, never> }
  | { date: Record<string, never> }
  | { select: { options: Array<{ name: string; color: Color }> } }
  | { relation: { data_source_id: string; single_property: Record<string, never> } };

function options(labels: string[], colors: Color[] = []): PropertyDefinition {
  return { select: { options: labels.map((name, index) => ({ name: selectOptionName(name), color: colors[index] ?? 'default' })) } };
}

/** Property definitions of the Partners database, as `databases.create` takes them. */
export function partnersDatabaseProperties(lang: Lang): Record<string, PropertyDefinition> {
  const words = catalogue(lang);
  const names = partnerPropertyNames(lang);
  return {
    [names.name]: { title: {} },
    [names.corridorId]: { rich_text: {} },
    [names.status]: options(partnerStatuses.map((status) => words.status[status]), ['green', 'yellow']),
    [names.kind]: options(partnerKinds.map((kind) => words.kind[kind])),
    [names.jurisdiction]: options(jurisdictions.map((code) => words.jurisdiction[code]), ['blue']),
    [names.acronym]: { rich_text: {} },
    [names.officialName]: { rich_text: {} },
    [names.designation]: { rich_text: {} },
    [names.website]: { url: {} },
    [names.joinedOn]: { date: {} },
    [names.pendingSince]: { date: {} },
    [names.nextStep]: { rich_text: {} },
    [names.followUp]: { rich_text: {} },
    [names.stage]: options(adhesionStages.map((stage) => words.stages.name[stage]), ['gray', 'blue', 'purple', 'orange', 'green', 'green', 'yellow', 'red']),
    [names.stageSince]: { date: {} },
    [names.lastContact]: { date: {} },
  };
}

/**
 * The partner properties added later that the data source lacks, as data_sources.update takes them,
 * in the language its other properties are named in; undefined when none is missing, or when
 * something else is wrong (the schema check then names it).
 */
export function partnerPropertiesToAdd(dataSource: unknown): Record<string, PropertyDefinition> | undefined {
  const parsed = dataSourceShape.safeParse(dataSource);
  if (!parsed.success) return undefined;
  for (const lang of ['en', 'fr'] as const) {
    const names = partnerPropertyNames(lang);
    const problems = problemsFor(parsed.data, partnerPropertyTypes, names, '');
    const addable = new Set(PARTNER_PROPERTIES_ADDED_LATER.map((key) => names[key]));
    if (problems.length > 0 && problems.every((problem) => problem.kind === 'missing' && addable.has(problem.property))) {
      const definitions = partnersDatabaseProperties(lang);
      return Object.fromEntries(problems.map((problem) => [problem.property, definitions[problem.property]!]));
    }
  }
  return undefined;
}

/** Property definitions of the Action items database; the relation points at the partners' data source. */
export function actionsDatabaseProperties(lang: Lang, partnersDataSourceId: string, tracks: Track[]): Record<string, PropertyDefinition> {
  const words = catalogue(lang);
  const names = actionPropertyNames(lang);
  return {
    [names.title]: { title: {} },
    [names.corridorId]: { rich_text: {} },
    [names.track]: options(tracks.map((track) => track.title[lang])),
    [names.status]: options(actionStatuses.map((status) => words.actionStatus[status]), ['gray', 'blue', 'green', 'red']),
    [names.owner]: { rich_text: {} },
    [names.dueOn]: { date: {} },
    [names.partners]: { relation: { data_source_id: partnersDataSourceId, single_property: {} } },
    [names.completedOn]: { date: {} },
  };
}

/** Property definitions of the People database; the partner they represent is a relation to the partners' data source. */
export function peopleDatabaseProperties(lang: Lang, partnersDataSourceId: string): Record<string, PropertyDefinition> {
  const names = personPropertyNames(lang);
  return {
    [names.name]: { title: {} },
    [names.corridorId]: { rich_text: {} },
    [names.title]: { rich_text: {} },
    [names.organisation]: { rich_text: {} },
    [names.partner]: { relation: { data_source_id: partnersDataSourceId, single_property: {} } },
  };
}

/** Property definitions of the Events database: relations to the partners' data source, and to the people's. */
export function eventsDatabaseProperties(lang: Lang, partnersDataSourceId: string, peopleDataSourceId: string): Record<string, PropertyDefinition> {
  const words = catalogue(lang);
  const names = eventPropertyNames(lang);
  const relation = (dataSourceId: string): PropertyDefinition => ({ relation: { data_source_id: dataSourceId, single_property: {} } });
  return {
    [names.title]: { title: {} },
    [names.corridorId]: { rich_text: {} },
    [names.date]: { date: {} },
    [names.place]: { rich_text: {} },
    [names.onlineUrl]: { url: {} },
    [names.status]: options(eventStatuses.map((status) => words.eventStatus[status]), ['blue', 'red']),
    [names.organisers]: relation(partnersDataSourceId),
    [names.invitedPartners]: relation(partnersDataSourceId),
    [names.partnersPresent]: relation(partnersDataSourceId),
    [names.speakers]: relation(peopleDataSourceId),
    [names.invitedPeople]: relation(peopleDataSourceId),
    [names.summary]: { rich_text: {} },
  };
}

/** The parts of a data source object the schema check reads, validated. */
export const dataSourceShape = z.object({
  object: z.literal('data_source'),
  id: z.string(),
  title: z.array(z.object({ plain_text: z.string() }).loose()),
  parent: z.object({ type: z.string(), database_id: z.string().optional() }).loose(),
  properties: z.record(
    z.string(),
    z
      .object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        relation: z.object({ data_source_id: z.string().optional() }).loose().optional(),
      })
      .loose(),
  ),
}).loose();
export type DataSourceShape = z.infer<typeof dataSourceShape>;

export type SchemaProblem =
  | { kind: 'missing'; database: string; property: string; expected: NotionPropertyType }
  | { kind: 'wrong_type'; database: string; property: string; expected: NotionPropertyType; actual: string }
  | { kind: 'wrong_relation'; database: string; property: string };

/** A database does not have the properties the sync needs; the message names each one. */
export class NotionSchemaError extends Error {
  constructor(readonly problems: SchemaProblem[]) {
    super(renderSchemaProblems(problems, 'en'));
    this.name = 'NotionSchemaError';
  }

  render(lang: Lang): string {
    return renderSchemaProblems(this.problems, lang);
  }
}

export function renderSchemaProblems(problems: SchemaProblem[], lang: Lang): string {
  const words = catalogue(lang).notion;
  const typeName = (type: string) => words.propertyTypes[type] ?? type;
  return problems
    .map((problem) => {
      switch (problem.kind) {
        case 'missing':
          return words.errors.missingProperty(problem.database, problem.property, typeName(notionTypeOf(problem.expected)));
        case 'wrong_type':
          return words.errors.wrongType(problem.database, problem.property, typeName(notionTypeOf(problem.expected)), typeName(problem.actual));
        case 'wrong_relation':
          return words.errors.wrongRelation(problem.database, problem.property);
      }
    })
    .join(' ');
}

function problemsFor<K extends string>(
  dataSource: DataSourceShape,
  types: Record<K, NotionPropertyType>,
  names: Record<K, string>,
  title: string,
  relationTarget?: (key: K) => string | undefined,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const key of Object.keys(types) as K[]) {
    const property = dataSource.properties[names[key]];
    const expected = types[key];
    const wanted = expected === 'relation' ? relationTarget?.(key) : undefined;
    if (!property) {
      problems.push({ kind: 'missing', database: title, property: names[key], expected });
    } else if (property.type !== notionTypeOf(expected)) {
      problems.push({ kind: 'wrong_type', database: title, property: names[key], expected, actual: property.type });
    } else if (wanted) {
      const target = property.relation?.data_source_id;
      if (!target || normaliseNotionId(target) !== normaliseNotionId(wanted)) {
        problems.push({ kind: 'wrong_relation', database: title, property: names[key] });
      }
    }
  }
  return problems;
}

function resolve<K extends string>(
  entity: NotionEntity,
  databaseId: string,
  raw: unknown,
  types: Record<K, NotionPropertyType>,
  namesFor: (lang: Lang) => Record<K, string>,
  relationTarget?: (key: K) => string | undefined,
): ResolvedDatabase<K> {
  const dataSource = dataSourceShape.parse(raw);
  const title = dataSource.title.map((item) => item.plain_text).join('') || databaseId;
  // The databases may have been made in French or in English: use the language that fits best.
  const candidates = (['en', 'fr'] as const).map((lang) => ({
    lang,
    problems: problemsFor(dataSource, types, namesFor(lang), title, relationTarget),
  }));
  candidates.sort((a, b) => a.problems.length - b.problems.length);
  const best = candidates[0]!;
  if (best.problems.length > 0) throw new NotionSchemaError(best.problems);
  return {
    entity,
    databaseId: normaliseNotionId(databaseId),
    dataSourceId: normaliseNotionId(dataSource.id),
    title,
    lang: best.lang,
    names: namesFor(best.lang),
  };
}

/** Checks the Partners data source; throws a NotionSchemaError naming what is missing or mistyped. */
export function checkPartnersSchema(databaseId: string, dataSource: unknown): PartnersDatabase {
  return resolve('partner', databaseId, dataSource, partnerPropertyTypes, partnerPropertyNames);
}

/** Checks the People data source, including that its relation points at the partners. */
export function checkPeopleSchema(databaseId: string, dataSource: unknown, partnersDataSourceId: string): PeopleDatabase {
  return resolve('person', databaseId, dataSource, personPropertyTypes, personPropertyNames, () => partnersDataSourceId);
}

/**
 * Checks the Events data source: its relations point at the partners, and at the people when the
 * People database is set (without it, those two properties are not the sync's).
 */
export function checkEventsSchema(databaseId: string, dataSource: unknown, partnersDataSourceId: string, peopleDataSourceId: string | undefined): EventsDatabase {
  const withPeople = peopleDataSourceId !== undefined;
  const target = (key: EventPropertyKey) => (EVENT_PEOPLE_PROPERTIES.includes(key) ? peopleDataSourceId : partnersDataSourceId);
  return { ...resolve('event', databaseId, dataSource, eventPropertyTypes(withPeople), eventPropertyNames, target), withPeople };
}

/** Checks the Action items data source, including that its relation points at the partners. */
export function checkActionsSchema(databaseId: string, dataSource: unknown, partnersDataSourceId: string): ActionsDatabase {
  return resolve('action', databaseId, dataSource, actionPropertyTypes, actionPropertyNames, () => partnersDataSourceId);
}

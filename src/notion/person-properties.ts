import type { Partner, Person } from '../domain/types.js';
import type { Lang } from '../i18n/index.js';
import { fromPageProperties, type FieldValue } from './property-values.js';
import { personPropertyTypes, type PersonPropertyKey } from './schema.js';

/** A person as the People page shows it. */
export type PersonFields = Record<PersonPropertyKey, FieldValue>;

export interface PersonMappingContext {
  lang: Lang;
  /** Partners by ID, for the organisation's name. */
  partners: ReadonlyMap<string, Partner>;
  /** Notion page of each live partner that has one. */
  partnerPages: ReadonlyMap<string, string>;
}

export interface MappedPerson {
  fields: PersonFields;
  /** The partner they represent, when it has no page yet (not yet synced, or removed). */
  missingPartner: string | null;
}

/** What the People page of a person should say, in the database's language; never their e-mail. */
export function personToFields(person: Person, context: PersonMappingContext): MappedPerson {
  const partner = person.partnerId ? context.partners.get(person.partnerId) : undefined;
  const page = person.partnerId ? context.partnerPages.get(person.partnerId) : undefined;
  return {
    fields: {
      name: person.name,
      corridorId: person.id,
      title: person.title?.[context.lang] ?? '',
      organisation: partner?.name ?? person.affiliation?.[context.lang] ?? '',
      partner: page ? [page] : [],
    },
    missingPartner: person.partnerId && !page ? person.partnerId : null,
  };
}

/** Reads a People page back; throws NotionValueError when a value is not of the expected shape. */
export function personFieldsFromPage(properties: unknown, names: Record<PersonPropertyKey, string>): PersonFields {
  return fromPageProperties(properties, names, personPropertyTypes);
}

import { stageOf } from '../domain/stages.js';
import type { Partner } from '../domain/types.js';
import { catalogue, type Lang } from '../i18n/index.js';
import {
  fromPageProperties,
  toRequestProperties,
  type FieldValue,
  type PropertyValueRequest,
} from './property-values.js';
import { partnerPropertyTypes, selectOptionName, type PartnerPropertyKey } from './schema.js';

/** A partner as the Notion page shows it: one canonical value per property. */
export type PartnerFields = Record<PartnerPropertyKey, FieldValue>;

/** What the Partners page of a record should say, in the database's language; `lastContactOn` from the contact log. */
export function partnerToFields(partner: Partner, lang: Lang, lastContactOn: string | null = null): PartnerFields {
  const words = catalogue(lang);
  const stage = stageOf(partner);
  return {
    name: partner.name,
    corridorId: partner.id,
    status: selectOptionName(words.status[partner.status]),
    kind: partner.kind ? selectOptionName(words.kind[partner.kind]) : null,
    jurisdiction: partner.jurisdiction ? selectOptionName(words.jurisdiction[partner.jurisdiction]) : null,
    acronym: partner.acronym ?? '',
    officialName: partner.officialName ?? '',
    designation: partner.designation?.[lang] ?? '',
    website: partner.website,
    joinedOn: partner.joinedOn,
    pendingSince: partner.pendingSince,
    nextStep: partner.nextStep?.[lang] ?? '',
    followUp: partner.followUpUserId ?? '',
    stage: stage ? selectOptionName(words.stages.name[stage.name]) : null,
    stageSince: stage?.since ?? null,
    lastContact: lastContactOn,
  };
}

export function partnerFieldsToProperties(
  fields: PartnerFields,
  names: Record<PartnerPropertyKey, string>,
  keys?: readonly PartnerPropertyKey[],
): Record<string, PropertyValueRequest> {
  return toRequestProperties(fields, names, partnerPropertyTypes, keys);
}

/** Reads a Partners page back; throws NotionValueError when a value is not of the expected shape. */
export function partnerFieldsFromPage(properties: unknown, names: Record<PartnerPropertyKey, string>): PartnerFields {
  return fromPageProperties(properties, names, partnerPropertyTypes);
}

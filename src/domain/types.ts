import { z } from 'zod';

/** Calendar date without a time zone, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();
/** Wall-clock time in the corridor's time zone, `HH:MM`. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
/** Stable, human-readable identifier used across Slack, the store and Notion. */
export const recordId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug');
export const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user ID');

/** Text shown to people, in both of the corridor's languages. */
export const bilingualText = z.object({ fr: z.string().min(1), en: z.string().min(1) });
export type BilingualText = z.infer<typeof bilingualText>;

/**
 * Where a partner answers to, corridor side first: Québec, Ontario, the other provinces, Canada's
 * federal level; then Vermont, New Hampshire, the other New England states, New York, the US federal
 * level. Codes stored before the list grew (QC, VT, NH, MA, ME, NY, CT, RI) keep their meaning.
 */
export const canadianJurisdictions = ['QC', 'ON', 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'PE', 'SK', 'CA'] as const;
export const usJurisdictions = ['VT', 'NH', 'CT', 'ME', 'MA', 'RI', 'NY', 'US'] as const;
export const jurisdictions = [...canadianJurisdictions, ...usJurisdictions] as const;
export const jurisdiction = z.enum(jurisdictions);
export type Jurisdiction = z.infer<typeof jurisdiction>;

export const countries = ['CA', 'US'] as const;
export type Country = (typeof countries)[number];

export function countryOf(code: Jurisdiction): Country {
  return (canadianJurisdictions as readonly string[]).includes(code) ? 'CA' : 'US';
}

export const partnerKinds = [
  'innovation_zone',
  'university',
  'business_association',
  'industry_cluster',
  'research_centre',
  'government_agency',
  'company',
  'other',
] as const;
export const partnerKind = z.enum(partnerKinds);
export type PartnerKind = z.infer<typeof partnerKind>;

export const partnerStatuses = ['signatory', 'pending'] as const;
export const partnerStatus = z.enum(partnerStatuses);
export type PartnerStatus = z.infer<typeof partnerStatus>;

/**
 * Where an adhesion stands, in the order it usually moves: intention declared → adhesion document
 * sent → legal review → signing scheduled → signed → announced; or paused / declined on the way.
 */
export const adhesionStages = [
  'intention_declared',
  'document_sent',
  'legal_review',
  'signing_scheduled',
  'signed',
  'announced',
  'paused',
  'declined',
] as const;
export const adhesionStageName = z.enum(adhesionStages);
/** The stages of an adhesion not yet signed (the partner form offers these while it is pending). */
export const pendingStages = ['intention_declared', 'document_sent', 'legal_review', 'signing_scheduled', 'paused', 'declined'] as const;
export type AdhesionStageName = z.infer<typeof adhesionStageName>;

/** Longest reason recorded for a pause or a refusal. */
export const STAGE_REASON_MAX = 500;

export const adhesionStage = z.object({
  name: adhesionStageName,
  /** The day the adhesion reached this stage. */
  since: isoDate,
  /** The day the stage points to: the signing date set (signing scheduled); null otherwise. */
  on: isoDate.nullable().default(null),
  /** Why it is paused or declined, as the coordinators put it (internal only). */
  reason: z.string().max(STAGE_REASON_MAX).nullable().default(null),
});
export type AdhesionStage = z.infer<typeof adhesionStage>;

/** Limits of a partner's usual short names: each one's length, and how many. */
export const PARTNER_ALIAS_MAX = 60;
export const PARTNER_ALIASES_MAX = 10;

/** Fields every stored record carries: soft deletion and optimistic concurrency. */
const recordMeta = {
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().nullable(),
  removedAt: z.iso.datetime().nullable(),
};

/** Partner fields whose value may come from somewhere other than the founding press release. */
export const sourcedPartnerFields = ['jurisdiction', 'stage'] as const;

/** Where one field's value comes from, shown on the card beside it (a fact from elsewhere carries its source). */
export const fieldSource = z.object({ field: z.enum(sourcedPartnerFields), source: bilingualText });
export type FieldSource = z.infer<typeof fieldSource>;

export const partner = z.object({
  id: recordId,
  name: z.string().min(1).max(200),
  /** Official name when it differs from `name`, as the source gives it. */
  officialName: z.string().max(300).nullable(),
  acronym: z.string().max(30).nullable(),
  /** Short names and initials people use for it ("UVM", "NH BEA"); lookups find it by them. Older bodies have none. */
  aliases: z.array(z.string().min(1).max(PARTNER_ALIAS_MAX)).max(PARTNER_ALIASES_MAX).default([]),
  /** What the organisation is, in its own words (e.g. "Zone d'innovation quantique"). */
  designation: bilingualText.nullable(),
  kind: partnerKind.nullable(),
  jurisdiction: jurisdiction.nullable(),
  website: z.url().nullable(),
  status: partnerStatus,
  /** Date the MOU was signed; unknown for the founding signatories. */
  joinedOn: isoDate.nullable(),
  /** Date the adhesion became pending (pending partners only). */
  pendingSince: isoDate.nullable(),
  nextStep: bilingualText.nullable(),
  /** When the next step is due; records written before the field existed read null. */
  nextStepDueOn: isoDate.nullable().default(null),
  followUpUserId: slackUserId.nullable(),
  /** Where the adhesion stands, reached on a date; records written before stages existed read null (see stageOf). */
  stage: adhesionStage.nullable().default(null),
  /** What coordinators say among themselves: internal only, never shown outside nor sent to Notion. Older bodies have none. */
  internalNote: z.string().max(1000).nullable().default(null),
  /** Sources of single fields; absent from records stored before sources were kept. */
  sources: z.array(fieldSource).optional(),
  ...recordMeta,
});
export type Partner = z.infer<typeof partner>;

export const personRoles = ['speaker', 'attendee', 'quoted', 'press_contact'] as const;

export const person = z.object({
  id: recordId,
  name: z.string().min(1),
  title: bilingualText.nullable(),
  /** Partner the person belongs to, when the person represents one. */
  partnerId: recordId.nullable(),
  /** Affiliation outside the partners (e.g. a government office). */
  affiliation: bilingualText.nullable(),
  email: z.email().nullable(),
  quote: bilingualText.nullable(),
  ...recordMeta,
});
export type Person = z.infer<typeof person>;

export const eventStatuses = ['scheduled', 'cancelled'] as const;

export const corridorEvent = z.object({
  id: recordId,
  title: bilingualText,
  /** Local date in the corridor's time zone. */
  date: isoDate,
  /** Local start time in the corridor's time zone; null for a day-long event. */
  startTime: localTime.nullable(),
  place: z.string().min(1).max(300),
  summary: bilingualText.nullable(),
  organiserIds: z.array(recordId),
  /** Partners whose delegates attended. */
  attendingPartnerIds: z.array(recordId),
  speakers: z.array(z.object({ personId: recordId, role: bilingualText.nullable() })),
  /** People present who are not speakers. */
  attendeePersonIds: z.array(recordId),
  status: z.enum(eventStatuses),
  ...recordMeta,
});
export type CorridorEvent = z.infer<typeof corridorEvent>;

/** Longest title of a track, in either language. */
export const TRACK_TITLE_MAX = 300;

export const track = z.object({
  id: recordId,
  position: z.number().int(),
  title: z.object({ fr: z.string().min(1).max(TRACK_TITLE_MAX), en: z.string().min(1).max(TRACK_TITLE_MAX) }),
  /** The titles it had before coordinators renamed it, newest last: `actions <words>` still finds it by them. */
  formerTitles: z.array(bilingualText).default([]),
});
export type Track = z.infer<typeof track>;

export const actionStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const actionStatus = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatus>;

export const actionItem = z.object({
  id: recordId,
  title: bilingualText,
  trackId: recordId.nullable(),
  status: actionStatus,
  ownerUserId: slackUserId.nullable(),
  dueOn: isoDate.nullable(),
  partnerIds: z.array(recordId),
  completedOn: isoDate.nullable(),
  ...recordMeta,
});
export type ActionItem = z.infer<typeof actionItem>;

export const contactKinds = ['call', 'meeting', 'email', 'note'] as const;
export const contactKind = z.enum(contactKinds);
export type ContactKind = z.infer<typeof contactKind>;

/** Longest text of one contact-log entry. */
export const CONTACT_TEXT_MAX = 2000;

/** One entry of a partner's contact log: who spoke with them, when, how, and when to follow up. Internal only. */
export const contactEntry = z.object({
  id: recordId,
  partnerId: recordId,
  /** The day of the contact, in the corridor's time zone. */
  on: isoDate,
  /** Who logged it (a Slack user ID, or `console`). */
  author: z.string().min(1).max(100),
  kind: contactKind,
  text: z.string().min(1).max(CONTACT_TEXT_MAX),
  /** When to get back to the partner; a date that has passed makes the adhesion need attention. */
  nextFollowUpOn: isoDate.nullable(),
  ...recordMeta,
});
export type ContactEntry = z.infer<typeof contactEntry>;

/** Limits of the about card's texts, in either language. */
export const ABOUT_LIMITS = { purpose: 1500, figureValue: 100, source: 300 } as const;

/** The years a sector figure may hold for. */
export const FIGURE_YEARS = { min: 1900, max: 2100 } as const;

const limitedText = (max: number) => z.object({ fr: z.string().min(1).max(max), en: z.string().min(1).max(max) });

/** One figure of the sector as its source gives it ("plus de 900"), the year it holds for, and that source. */
export const sectorFigure = z.object({
  id: recordId,
  label: bilingualText,
  value: limitedText(ABOUT_LIMITS.figureValue),
  year: z.number().int().min(FIGURE_YEARS.min).max(FIGURE_YEARS.max),
  source: limitedText(ABOUT_LIMITS.source),
});
export type SectorFigure = z.infer<typeof sectorFigure>;

/** The one about record's ID: there is a single corridor. */
export const ABOUT_ID = 'corridor';

/**
 * What the corridor says about itself, one record coordinators edit (with history): its purpose
 * and where that comes from, who leads it, the sector's figures and the four action tracks.
 */
export const corridorProfile = z.object({
  id: recordId,
  purpose: limitedText(ABOUT_LIMITS.purpose),
  ledByPartnerIds: z.array(recordId),
  figures: z.array(sectorFigure),
  /** Where the purpose and the leaders come from. */
  source: limitedText(ABOUT_LIMITS.source),
  tracks: z.array(track),
  ...recordMeta,
});
export type CorridorProfile = z.infer<typeof corridorProfile>;

export type RecordMeta = Pick<Partner, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'removedAt'>;
/** A record as written by callers: the store fills in the bookkeeping. */
export type Draft<T extends RecordMeta> = Omit<T, keyof RecordMeta>;

export const historyEntry = z.object({
  id: z.number().int(),
  entity: z.enum(['partner', 'event', 'action', 'person', 'contact', 'about']),
  entityId: recordId,
  actor: z.string(),
  at: z.iso.datetime(),
  change: z.enum(['created', 'updated', 'removed', 'restored']),
  diff: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

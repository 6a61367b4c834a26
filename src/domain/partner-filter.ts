import { z } from 'zod';
import { normalize } from './text.js';
import { countryOf, type Country, type Jurisdiction, type Partner, type PartnerStatus } from './types.js';

export type PartnerFilter =
  | { kind: 'all' }
  | { kind: 'status'; status: PartnerStatus }
  | { kind: 'jurisdiction'; jurisdiction: Jurisdiction }
  | { kind: 'country'; country: Country };

const inJurisdiction = (jurisdiction: Jurisdiction): PartnerFilter => ({ kind: 'jurisdiction', jurisdiction });
const inCountry = (country: Country): PartnerFilter => ({ kind: 'country', country });

const FILTER_WORDS: Record<string, PartnerFilter> = {
  pending: { kind: 'status', status: 'pending' },
  'en attente': { kind: 'status', status: 'pending' },
  attente: { kind: 'status', status: 'pending' },
  signatory: { kind: 'status', status: 'signatory' },
  signatories: { kind: 'status', status: 'signatory' },
  signed: { kind: 'status', status: 'signatory' },
  signataire: { kind: 'status', status: 'signatory' },
  signataires: { kind: 'status', status: 'signatory' },
  qc: inJurisdiction('QC'),
  quebec: inJurisdiction('QC'),
  on: inJurisdiction('ON'),
  ontario: inJurisdiction('ON'),
  ab: inJurisdiction('AB'),
  alberta: inJurisdiction('AB'),
  bc: inJurisdiction('BC'),
  'british columbia': inJurisdiction('BC'),
  cb: inJurisdiction('BC'),
  'colombie britannique': inJurisdiction('BC'),
  mb: inJurisdiction('MB'),
  manitoba: inJurisdiction('MB'),
  nb: inJurisdiction('NB'),
  'new brunswick': inJurisdiction('NB'),
  'nouveau brunswick': inJurisdiction('NB'),
  nl: inJurisdiction('NL'),
  tnl: inJurisdiction('NL'),
  'newfoundland and labrador': inJurisdiction('NL'),
  'terre neuve et labrador': inJurisdiction('NL'),
  ns: inJurisdiction('NS'),
  'nova scotia': inJurisdiction('NS'),
  'nouvelle ecosse': inJurisdiction('NS'),
  pe: inJurisdiction('PE'),
  pei: inJurisdiction('PE'),
  ipe: inJurisdiction('PE'),
  'prince edward island': inJurisdiction('PE'),
  'ile du prince edouard': inJurisdiction('PE'),
  sk: inJurisdiction('SK'),
  saskatchewan: inJurisdiction('SK'),
  vt: inJurisdiction('VT'),
  vermont: inJurisdiction('VT'),
  nh: inJurisdiction('NH'),
  'new hampshire': inJurisdiction('NH'),
  ma: inJurisdiction('MA'),
  massachusetts: inJurisdiction('MA'),
  me: inJurisdiction('ME'),
  maine: inJurisdiction('ME'),
  ny: inJurisdiction('NY'),
  'new york': inJurisdiction('NY'),
  ct: inJurisdiction('CT'),
  connecticut: inJurisdiction('CT'),
  ri: inJurisdiction('RI'),
  'rhode island': inJurisdiction('RI'),
  // A country's code lists all of it, as a coordinator sorting partners by side of the border expects;
  // its federal bodies alone are `ca federal` / `us federal` (in either word order, in either language).
  ca: inCountry('CA'),
  canada: inCountry('CA'),
  us: inCountry('US'),
  usa: inCountry('US'),
  'united states': inCountry('US'),
  'etats unis': inCountry('US'),
  'ca federal': inJurisdiction('CA'),
  'federal ca': inJurisdiction('CA'),
  'canada federal': inJurisdiction('CA'),
  'federal canada': inJurisdiction('CA'),
  'us federal': inJurisdiction('US'),
  'federal us': inJurisdiction('US'),
  'usa federal': inJurisdiction('US'),
  'united states federal': inJurisdiction('US'),
  'etats unis federal': inJurisdiction('US'),
  all: { kind: 'all' },
  tous: { kind: 'all' },
};

export const PARTNER_FILTER_EXAMPLES = ['qc', 'on', 'vt', 'nh', 'ca', 'us', 'ca federal', 'pending'] as const;

/** Parses the argument of `partners`; an unknown word is an error the user must see. */
export const partnerFilterArgument = z
  .string()
  .transform(normalize)
  .transform((word, context) => {
    if (word === '') return { kind: 'all' } as PartnerFilter;
    const filter = FILTER_WORDS[word];
    if (!filter) {
      context.addIssue({ code: 'custom', message: 'unknown partner filter' });
      return z.NEVER;
    }
    return filter;
  });

export function applyPartnerFilter(partners: Partner[], filter: PartnerFilter): Partner[] {
  switch (filter.kind) {
    case 'all':
      return partners;
    case 'status':
      return partners.filter((partner) => partner.status === filter.status);
    case 'jurisdiction':
      return partners.filter((partner) => partner.jurisdiction === filter.jurisdiction);
    case 'country':
      return partners.filter((partner) => partner.jurisdiction !== null && countryOf(partner.jurisdiction) === filter.country);
  }
}

import { z } from 'zod';
import { normalize } from './text.js';
import type { Jurisdiction, Partner, PartnerStatus } from './types.js';

export type PartnerFilter =
  | { kind: 'all' }
  | { kind: 'status'; status: PartnerStatus }
  | { kind: 'jurisdiction'; jurisdiction: Jurisdiction };

const FILTER_WORDS: Record<string, PartnerFilter> = {
  pending: { kind: 'status', status: 'pending' },
  'en attente': { kind: 'status', status: 'pending' },
  attente: { kind: 'status', status: 'pending' },
  signatory: { kind: 'status', status: 'signatory' },
  signatories: { kind: 'status', status: 'signatory' },
  signed: { kind: 'status', status: 'signatory' },
  signataire: { kind: 'status', status: 'signatory' },
  signataires: { kind: 'status', status: 'signatory' },
  qc: { kind: 'jurisdiction', jurisdiction: 'QC' },
  quebec: { kind: 'jurisdiction', jurisdiction: 'QC' },
  vt: { kind: 'jurisdiction', jurisdiction: 'VT' },
  vermont: { kind: 'jurisdiction', jurisdiction: 'VT' },
  nh: { kind: 'jurisdiction', jurisdiction: 'NH' },
  'new hampshire': { kind: 'jurisdiction', jurisdiction: 'NH' },
  ma: { kind: 'jurisdiction', jurisdiction: 'MA' },
  massachusetts: { kind: 'jurisdiction', jurisdiction: 'MA' },
  me: { kind: 'jurisdiction', jurisdiction: 'ME' },
  maine: { kind: 'jurisdiction', jurisdiction: 'ME' },
  ny: { kind: 'jurisdiction', jurisdiction: 'NY' },
  'new york': { kind: 'jurisdiction', jurisdiction: 'NY' },
  ct: { kind: 'jurisdiction', jurisdiction: 'CT' },
  connecticut: { kind: 'jurisdiction', jurisdiction: 'CT' },
  ri: { kind: 'jurisdiction', jurisdiction: 'RI' },
  'rhode island': { kind: 'jurisdiction', jurisdiction: 'RI' },
  all: { kind: 'all' },
  tous: { kind: 'all' },
};

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
  }
}

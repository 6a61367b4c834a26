import { moveToStage } from '../../src/domain/adhesion.js';
import { parseReportPeriod, type ReportPeriod } from '../../src/domain/report-period.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { openSqliteStore } from '../../src/store/open-store.js';

/** What the coordinators did in November 2026, on top of the seed: internal things a public copy must not show. */
export const NOVEMBER = parseReportPeriod('2026-11') as ReportPeriod;
export const REPORT_NOW = new Date('2026-12-05T14:00:00Z');
export const TIME_ZONE = 'America/Toronto';
export const CONTACT_TEXT = 'Draft sent to their counsel; waiting on the legal team';
export const INTERNAL_NOTE = 'Board meets in January, no decision before';
export const OWNER = 'U0OWNER42';
export const ADMIN = 'U0ADMIN';

const at = (iso: string) => ({ actor: ADMIN, now: new Date(iso) });

export async function novemberStore(): Promise<CorridorStore> {
  const store = await openSqliteStore('sqlite::memory:');
  const venture = (await store.partners.get('venture-lab'))!;
  await store.partners.save(moveToStage(venture, { stage: 'legal_review', date: '2026-11-20', today: '2026-11-20' }), { ...at('2026-11-20T15:00:00Z'), expectedVersion: venture.version });
  const cmc = (await store.partners.get('cmc-microsystems'))!;
  const { version, createdAt, updatedAt, updatedBy, removedAt, ...cmcDraft } = cmc;
  await store.partners.save({ ...cmcDraft, internalNote: INTERNAL_NOTE, followUpUserId: OWNER }, { ...at('2026-11-03T15:00:00Z'), expectedVersion: version });
  await store.contacts.save(
    { id: 'venture-lab-2026-11-28-a', partnerId: 'venture-lab', on: '2026-11-28', author: ADMIN, kind: 'call', text: CONTACT_TEXT, nextFollowUpOn: '2026-12-12' },
    at('2026-11-28T16:00:00Z'),
  );
  await store.actions.save(
    { id: 'photonics-workshop-invitations', title: { fr: 'Inviter les partenaires à l’atelier de photonique', en: 'Invite the partners to the photonics workshop' }, trackId: 'joint-projects', status: 'open', ownerUserId: OWNER, dueOn: '2026-11-10', partnerIds: ['c2mi'], completedOn: null },
    at('2026-11-02T15:00:00Z'),
  );
  await store.actions.save(
    { id: 'ecosystem-map', title: { fr: 'Cartographier les écosystèmes, « qui fait quoi »', en: 'Map the ecosystems: who does what' }, trackId: 'mutual-knowledge', status: 'done', ownerUserId: ADMIN, dueOn: '2026-11-30', partnerIds: [], completedOn: '2026-11-15' },
    at('2026-11-15T15:00:00Z'),
  );
  await store.events.save(
    {
      id: 'photonics-workshop-2026-11-18',
      title: { fr: 'Atelier de photonique, Bromont', en: 'Photonics workshop, Bromont' },
      date: '2026-11-18',
      startTime: '09:30',
      endTime: '12:00',
      place: 'C2MI, Bromont',
      onlineUrl: null,
      summary: null,
      organiserIds: ['c2mi'],
      invitedPartnerIds: [],
      invitedPersonIds: [],
      attendingPartnerIds: ['c2mi', 'university-of-vermont'],
      speakers: [],
      attendeePersonIds: [],
      status: 'scheduled',
    },
    at('2026-11-04T15:00:00Z'),
  );
  return store;
}

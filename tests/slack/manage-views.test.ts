import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionItem, Partner } from '../../src/domain/types.js';
import { catalogue, LANGS } from '../../src/i18n/index.js';
import { homeView } from '../../src/slack/views/home-view.js';
import { actionModal, actionStatusModal } from '../../src/slack/views/modals/action-item-modal.js';
import { eventModal } from '../../src/slack/views/modals/event-modal.js';
import { decodeMetadata } from '../../src/slack/views/modals/metadata.js';
import { conflictModal } from '../../src/slack/views/modals/outcome-modals.js';
import { partnerModal } from '../../src/slack/views/modals/partner-modal.js';
import { directoryOf } from '../../src/slack/views/record-fields.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { contactModal } from '../../src/slack/views/modals/contact-modal.js';
import { personModal } from '../../src/slack/views/modals/person-modal.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { seedRecords } from '../support/records.js';

const { partners, events, actions, people } = seedRecords({ version: 3, updatedBy: 'U0BOB' });

function manyPartners(count: number): Partner[] {
  return Array.from({ length: count }, (_, i) => ({
    ...partners[i % partners.length]!,
    id: `partner-${i}`,
    name: `Partner ${i} ${'of the northeast semiconductor corridor '.repeat(2)}`.trim(),
    acronym: null,
    status: i % 3 === 0 ? 'pending' : 'signatory',
    pendingSince: i % 3 === 0 ? '2025-05-01' : null,
  }));
}

type ViewJson = { blocks: Record<string, unknown>[]; private_metadata?: string };
const elementsOf = (view: ViewJson) => view.blocks.map((block) => (block as { element?: { type: string; action_id?: string } }).element);

describe('modals', () => {
  for (const lang of LANGS) {
    const t = catalogue(lang);
    it(`fit Slack's modal limits in ${lang}, adding and editing`, () => {
      const views = [
        partnerModal({ lang, t }),
        partnerModal({ partner: partners[9]!, lang, t }),
        eventModal({ partners, people, timeZone: 'America/Toronto', today: '2026-12-05', lang, t }),
        eventModal({ event: events[0]!, partners, people, timeZone: 'America/Toronto', today: '2026-12-05', lang, t }),
        actionModal({ tracks: seedTracks, partners, lang, t }),
        actionModal({ item: actions[0]!, tracks: seedTracks, partners, lang, t }),
        actionStatusModal({ item: actions[0]!, lang, t }),
      ];
      for (const view of views) expect(viewViolations(view)).toEqual([]);
    });
  }

  it('carries the record ID, version and language in private_metadata', () => {
    const view = partnerModal({ partner: partners[9]!, lang: 'fr', t: catalogue('fr') });
    expect(decodeMetadata(view.private_metadata)).toEqual({ id: 'venture-lab', version: 3, lang: 'fr' });
    expect(decodeMetadata(partnerModal({ lang: 'en', t: catalogue('en') }).private_metadata)).toEqual({ id: null, version: null, lang: 'en' });
  });

  it('prefills an event being edited, its time in the corridor’s zone', () => {
    const event = { ...events[0]!, startTime: '09:30', organiserIds: ['technum-quebec'] };
    const view = eventModal({ event, partners, people, timeZone: 'America/Toronto', today: '2026-12-05', lang: 'en', t: catalogue('en') }) as unknown as ViewJson;
    const elements = elementsOf(view);
    expect(elements).toContainEqual(expect.objectContaining({ type: 'timepicker', initial_time: '09:30', timezone: 'America/Toronto' }));
    expect(elements).toContainEqual(expect.objectContaining({ type: 'datepicker', initial_date: '2025-04-16' }));
    expect(elements).toContainEqual(
      expect.objectContaining({ type: 'multi_static_select', initial_options: [expect.objectContaining({ value: 'technum-quebec' })] }),
    );
    expect(elements).toContainEqual(expect.objectContaining({ type: 'plain_text_input', initial_value: 'Peter Welch — Morning address' }));
  });

  it('asks who attended only once the event has begun, the founding meeting’s 12 partners already chosen', () => {
    const t = catalogue('en');
    const blockIds = (view: ViewJson) => view.blocks.map((block) => block.block_id);
    const meeting = eventModal({ event: events[0]!, partners, people, timeZone: 'America/Toronto', today: '2026-12-05', lang: 'en', t }) as unknown as ViewJson;
    expect(blockIds(meeting)).toEqual(expect.arrayContaining(['end_time', 'online_url', 'invited_partners', 'invited_people', 'attended_partners', 'attended_people']));
    const attended = meeting.blocks.find((block) => block.block_id === 'attended_partners') as { element: { initial_options: unknown[] } };
    expect(attended.element.initial_options).toHaveLength(12);
    const ahead = eventModal({ event: events[0]!, partners, people, timeZone: 'America/Toronto', today: '2025-04-15', lang: 'en', t }) as unknown as ViewJson;
    expect(blockIds(ahead)).not.toContain('attended_partners');
    expect(blockIds(eventModal({ partners, people, timeZone: 'UTC', today: '2026-12-05', lang: 'en', t }) as unknown as ViewJson)).not.toContain('attended_people');
  });

  it('offers partners in a static menu up to 100, and a searched menu beyond', () => {
    const t = catalogue('en');
    const small = eventModal({ partners: manyPartners(100), people, timeZone: 'UTC', today: '2026-12-05', lang: 'en', t }) as unknown as ViewJson;
    const large = eventModal({ partners: manyPartners(101), people, timeZone: 'UTC', today: '2026-12-05', lang: 'en', t }) as unknown as ViewJson;
    const picker = (view: ViewJson) => view.blocks.find((block) => block.block_id === 'organisers') as { element: { type: string; options?: unknown[] } };
    expect(picker(small).element.type).toBe('multi_static_select');
    expect(picker(small).element.options).toHaveLength(100);
    expect(picker(large).element.type).toBe('multi_external_select');
    expect(viewViolations(large)).toEqual([]);
  });

  it('lets the person form and the contact-log form pick one partner among thousands, searched as one types', () => {
    const t = catalogue('en');
    const crowd = manyPartners(2000);
    const person = personModal({ partners: crowd, lang: 'en', t }) as unknown as ViewJson;
    const contact = contactModal({ partners: crowd, partnerId: crowd[1500]!.id, today: '2026-12-05', lang: 'en', t }) as unknown as ViewJson;
    const picker = (view: ViewJson, blockId: string) => view.blocks.find((block) => block.block_id === blockId) as { element: Record<string, unknown> };
    expect(picker(person, 'partner').element).toMatchObject({ type: 'external_select', action_id: 'partners_lookup' });
    expect(picker(contact, 'contact_partner').element).toMatchObject({ type: 'external_select', initial_option: { value: crowd[1500]!.id } });
    expect(viewViolations(person)).toEqual([]);
    expect(viewViolations(contact)).toEqual([]);
    const few = personModal({ partners: manyPartners(20), lang: 'en', t }) as unknown as ViewJson;
    expect(picker(few, 'partner').element.type).toBe('static_select');
  });

  it('shows a conflict with who changed the record, its current values and what the user typed', () => {
    const t = catalogue('en');
    const current = { ...partners[9]!, version: 4, updatedBy: 'U0BOB', nextStep: { fr: 'Signer', en: 'Sign in May' } };
    const view = conflictModal({
      entity: 'partner',
      reopen: 'partner',
      what: 'Venture Lab',
      current,
      attempted: { ...current, website: 'https://venturelab.example' },
      lang: 'en',
      t,
      directory: directoryOf(partners, people, seedTracks),
    });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('changed by <@U0BOB> meanwhile');
    expect(text).toContain('Sign in May');
    expect(text).toContain('https://venturelab.example');
    expect(decodeMetadata(view.private_metadata)).toEqual({ id: 'venture-lab', version: 4, lang: 'en', kind: 'partner' });
    expect(viewViolations(view)).toEqual([]);
  });
});

describe('Home tab', () => {
  const base = { events, actions, isAdmin: false, audience: 'internal' as const, lang: 'en' as const, t: catalogue('en'), today: '2026-03-02', now: new Date('2026-03-02T15:00:00Z'), timeZone: 'America/Toronto' };

  it('shows partners by status, pending adhesions and the viewer’s own open items with Done buttons', () => {
    const own: ActionItem[] = [
      { ...actions[0]!, id: 'mine', ownerUserId: 'U0ALICE', title: { fr: 'Ma tâche', en: 'My task' } },
      { ...actions[0]!, id: 'finished', ownerUserId: 'U0ALICE', status: 'done', title: { fr: 'Finie', en: 'Finished task' } },
      { ...actions[0]!, id: 'theirs', ownerUserId: 'U0BOB', title: { fr: 'La sienne', en: 'Bob’s task' } },
    ];
    const view = homeView({ ...base, partners, actions: own, viewerId: 'U0ALICE' });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Pending adhesions* (3)');
    expect(text).toContain('Venture Lab');
    expect(text).toContain('My task');
    expect(text).not.toContain('Finished task');
    expect(text).not.toContain('Bob’s task');
    expect(view.blocks).toContainEqual(expect.objectContaining({ accessory: expect.objectContaining({ action_id: 'action_done:mine', value: 'mine' }) }));
    expect(text).not.toContain('home_add_partner');
    expect(viewViolations(view)).toEqual([]);
  });

  it('never names the viewer as the owner of their own items: "yours" for their follow-ups, no name on their action items', () => {
    const own: ActionItem[] = [{ ...actions[0]!, id: 'mine', ownerUserId: 'U0ALICE', title: { fr: 'Ma tâche', en: 'My task' } }];
    const followed = partners.map((partner) => (partner.status === 'pending' ? { ...partner, followUpUserId: 'U0ALICE' } : partner));
    const alice = JSON.stringify(homeView({ ...base, partners: followed, actions: own, viewerId: 'U0ALICE' }).blocks);
    expect(alice).toContain('My task');
    expect(alice).toContain('Follow-up: yours');
    expect(alice).not.toContain('<@U0ALICE>');
    const french = JSON.stringify(homeView({ ...base, lang: 'fr', t: catalogue('fr'), partners: followed, actions: own, viewerId: 'U0ALICE' }).blocks);
    expect(french).toContain('Suivi\u00a0: à vous');
    expect(french).not.toContain('<@U0ALICE>');
    // Someone else reads who follows them up.
    expect(JSON.stringify(homeView({ ...base, partners: followed, actions: own, viewerId: 'U0BOB' }).blocks)).toContain('Follow-up: <@U0ALICE>');
  });

  it('gives coordinators buttons to add partners, events and action items', () => {
    const view = homeView({ ...base, partners, isAdmin: true, viewerId: 'U0ADMIN' });
    const text = JSON.stringify(view.blocks);
    for (const id of ['home_add_partner', 'home_add_event', 'home_add_action']) expect(text).toContain(id);
  });

  it('stays within 100 blocks and Slack’s limits at any data size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom(...LANGS), (partnerCount, itemCount, eventCount, lang) => {
        const items = Array.from({ length: itemCount }, (_, i) => ({ ...actions[0]!, id: `item-${i}`, ownerUserId: 'U0ALICE' }));
        const upcoming = Array.from({ length: eventCount }, (_, i) => ({ ...events[0]!, id: `event-${i}`, date: `2026-${String((i % 9) + 3).padStart(2, '0')}-10` }));
        const view = homeView({ ...base, lang, t: catalogue(lang), isAdmin: true, partners: manyPartners(partnerCount), actions: items, events: upcoming, viewerId: 'U0ALICE' });
        expect(view.blocks.length).toBeLessThanOrEqual(100);
        expect(viewViolations(view)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('with 500 partners, still lists the pending adhesions and the viewer’s items', () => {
    const crowd = [...manyPartners(500), ...partners];
    const items = Array.from({ length: 30 }, (_, i) => ({ ...actions[0]!, id: `item-${i}`, ownerUserId: 'U0ALICE', title: { fr: `Tâche ${i}`, en: `Task ${i}` } }));
    const view = homeView({ ...base, partners: crowd, actions: items, viewerId: 'U0ALICE' });
    const text = JSON.stringify(view.blocks);
    expect(view.blocks.length).toBeLessThan(100);
    expect(text).toContain('Pending adhesions* (170)');
    expect(text).toContain('Task 0');
    expect(text).toMatch(/and \d+ more: `\/corridor pending`/);
    expect(text).toMatch(/and 10 more: `\/corridor actions`/);
  });
});

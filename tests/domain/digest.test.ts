import { describe, expect, it } from 'vitest';
import { buildDigest, digestSince, type DigestInput } from '../../src/domain/digest.js';
import { nextStepState } from '../../src/domain/next-step.js';
import { partnersToRemind, snoozeUntil } from '../../src/domain/snooze.js';
import { checkSigningDate } from '../../src/domain/signing-date.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { actionRecord, eventRecord, historyRecord, partnerRecord } from '../support/records.js';

const TODAY = '2026-11-26';

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    today: TODAY,
    previousDigestOn: undefined,
    events: [],
    partners: [],
    actions: [],
    tracks: seedTracks,
    changes: [],
    ...overrides,
  };
}

describe('digest content', () => {
  it('keeps events of the next 30 days, soonest first, and those since the last digest', () => {
    const events = [
      eventRecord('far', '2026-12-27'),
      eventRecord('edge', '2026-12-26'),
      eventRecord('today', TODAY),
      eventRecord('soon', '2026-12-01'),
      eventRecord('last-week', '2026-11-20'),
      eventRecord('long-ago', '2026-10-01'),
      eventRecord('removed', '2026-11-30', { removedAt: '2026-11-01T00:00:00.000Z' }),
    ];
    const digest = buildDigest(input({ events, previousDigestOn: '2026-11-19' }));
    expect(digest.upcoming.map((e) => e.id)).toEqual(['today', 'soon', 'edge']);
    expect(digest.recent.map((e) => e.id)).toEqual(['last-week']);
    expect(digest.since).toBe('2026-11-19');
    expect(digest.sincePreviousDigest).toBe(true);
  });

  it('looks back to the start of its week, the Monday its title names, when there was no digest before', () => {
    expect(digestSince(TODAY, undefined)).toBe('2026-11-23');
    expect(digestSince(TODAY, TODAY)).toBe('2026-11-23');
    expect(digestSince('2026-11-28', undefined)).toBe('2026-11-23'); // a Saturday
    expect(digestSince('2026-11-23', undefined)).toBe('2026-11-23'); // the Monday itself
    expect(digestSince(TODAY, '2026-11-02')).toBe('2026-11-02');
  });

  it('lists pending adhesions oldest first and open actions by track, overdue ones first', () => {
    const partners = [
      partnerRecord('newer', { pendingSince: '2026-06-01' }),
      partnerRecord('older', { pendingSince: '2025-04-16' }),
      partnerRecord('signed', { status: 'signatory', pendingSince: null, joinedOn: '2025-01-01' }),
    ];
    const actions = [
      actionRecord('later', 'mutual-knowledge', { dueOn: '2027-01-10' }),
      actionRecord('late', 'mutual-knowledge', { dueOn: '2026-11-01' }),
      actionRecord('finished', 'mutual-knowledge', { status: 'done', completedOn: '2026-11-20' }),
      actionRecord('loose', null),
    ];
    const digest = buildDigest(input({ partners, actions }));
    expect(digest.pending.map((p) => p.id)).toEqual(['older', 'newer']);
    const knowledge = digest.tracks.find((group) => group.track?.id === 'mutual-knowledge')!;
    expect(knowledge.open.map((a) => a.id)).toEqual(['late', 'later']);
    expect(knowledge.overdue).toBe(1);
    expect(digest.tracks.at(-1)).toMatchObject({ track: null, open: [{ id: 'loose' }] });
  });

  it('reports new partners, signed adhesions and completed actions, but not the seed', () => {
    const partners = [
      partnerRecord('fresh'),
      partnerRecord('signed', { status: 'signatory', joinedOn: '2026-11-20', pendingSince: null }),
      partnerRecord('seeded'),
    ];
    const actions = [actionRecord('finished', null, { status: 'done' }), actionRecord('reopened', null)];
    const changes = [
      historyRecord('partner', 'seeded', 'created', {}, 'seed:communique-2025-04-17'),
      historyRecord('partner', 'fresh', 'created', { name: { from: null, to: 'fresh' } }),
      historyRecord('partner', 'signed', 'updated', { status: { from: 'pending', to: 'signatory' } }),
      historyRecord('partner', 'fresh', 'updated', { nextStep: { from: null, to: 'x' } }),
      historyRecord('action', 'finished', 'updated', { status: { from: 'open', to: 'done' } }),
      historyRecord('action', 'reopened', 'updated', { status: { from: 'open', to: 'done' } }),
      historyRecord('action', 'reopened', 'updated', { status: { from: 'done', to: 'open' } }),
    ];
    const digest = buildDigest(input({ partners, actions, changes }));
    expect(digest.changes.partners.map((c) => [c.kind, c.partner.id])).toEqual([
      ['added', 'fresh'],
      ['signed', 'signed'],
    ]);
    expect(digest.changes.actions.map((c) => [c.kind, c.item.id])).toEqual([['completed', 'finished']]);
  });

  it('reports partners edited or removed, events added, moved or cancelled, action items re-assigned or re-dated', () => {
    const partners = [
      partnerRecord('moved-state', { jurisdiction: 'VT' }),
      partnerRecord('gone', { removedAt: '2026-11-24T15:00:00.000Z' }),
    ];
    const events = [
      eventRecord('new-event', '2026-12-10'),
      eventRecord('later', '2026-12-20'),
      eventRecord('off', '2026-12-05', { status: 'cancelled' }),
      eventRecord('longer', '2026-12-21', { startTime: '13:30', endTime: '16:00' }),
      eventRecord('linked', '2026-12-22', { onlineUrl: 'https://zoom.us/j/1' }),
    ];
    const actions = [actionRecord('handed', null, { ownerUserId: 'U0NEW' }), actionRecord('pushed', null, { dueOn: '2027-02-01' })];
    const changes = [
      historyRecord('partner', 'moved-state', 'updated', { jurisdiction: { from: 'NH', to: 'VT' }, followUpUserId: { from: null, to: 'U0X' } }),
      historyRecord('partner', 'gone', 'removed', {}),
      historyRecord('event', 'new-event', 'created', { title: { from: null, to: 'x' } }),
      historyRecord('event', 'new-event', 'updated', { date: { from: '2026-12-09', to: '2026-12-10' } }),
      historyRecord('event', 'later', 'updated', { date: { from: '2026-12-12', to: '2026-12-20' } }),
      historyRecord('event', 'off', 'updated', { status: { from: 'scheduled', to: 'cancelled' } }),
      historyRecord('event', 'longer', 'updated', { endTime: { from: '15:00', to: '16:00' } }),
      historyRecord('event', 'linked', 'updated', { onlineUrl: { from: null, to: 'https://zoom.us/j/1' } }),
      historyRecord('action', 'handed', 'updated', { ownerUserId: { from: 'U0OLD', to: 'U0NEW' } }),
      historyRecord('action', 'pushed', 'updated', { dueOn: { from: '2026-12-01', to: '2027-02-01' } }),
    ];
    const digest = buildDigest(input({ partners, events, actions, changes }));
    expect(digest.changes.partners.map((c) => [c.kind, c.partner.id, c.fields])).toEqual([
      ['edited', 'moved-state', ['jurisdiction', 'followUp']],
      ['removed', 'gone', []],
    ]);
    // An event added in the period is "added", whatever happened to it afterwards.
    expect(digest.changes.events.map((c) => [c.kind, c.event.id])).toEqual([
      ['added', 'new-event'],
      ['moved', 'later'],
      ['moved', 'longer'],
      ['cancelled', 'off'],
    ]);
    expect(digest.changes.actions.map((c) => [c.kind, c.item.id])).toEqual([
      ['reassigned', 'handed'],
      ['redated', 'pushed'],
    ]);
  });
});

describe('snoozes and signing dates', () => {
  it('leaves a snoozed partner out until the snooze ends, then reminds again', () => {
    const partners = [partnerRecord('a'), partnerRecord('b'), partnerRecord('c', { status: 'signatory' })];
    const until = snoozeUntil('2026-11-26');
    expect(until).toBe('2026-12-03');
    const snoozes = [{ partnerId: 'a', until, snoozedBy: 'U1', snoozedAt: '2026-11-26T15:00:00.000Z' }];
    expect(partnersToRemind(partners, snoozes, '2026-12-02').map((p) => p.id)).toEqual(['b']);
    expect(partnersToRemind(partners, snoozes, '2026-12-03').map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('accepts a signing date between the pending date and today', () => {
    expect(checkSigningDate('2026-11-20', TODAY, '2025-04-16')).toEqual({ ok: true, date: '2026-11-20' });
    expect(checkSigningDate(TODAY, TODAY, null)).toEqual({ ok: true, date: TODAY });
    expect(checkSigningDate('2026-11-27', TODAY, null)).toEqual({ ok: false, problem: 'future' });
    expect(checkSigningDate('2025-04-15', TODAY, '2025-04-16')).toEqual({ ok: false, problem: 'beforePending' });
    expect(checkSigningDate(null, TODAY, null)).toEqual({ ok: false, problem: 'missing' });
    expect(checkSigningDate('2026-02-30', TODAY, null)).toEqual({ ok: false, problem: 'missing' });
  });
});

describe('next steps', () => {
  it('is overdue past its due date, or with no due date once pending longer than eight weeks', () => {
    const pending = (pendingSince: string, nextStepDueOn: string | null) => partnerRecord('p', { pendingSince, nextStepDueOn });
    expect(nextStepState(pending('2026-11-01', '2026-11-25'), TODAY)).toEqual({ overdue: true, dueOn: '2026-11-25' });
    expect(nextStepState(pending('2025-04-16', '2026-11-26'), TODAY)).toEqual({ overdue: false });
    // The seed's "dans les prochaines semaines" from April 2025, with no date: overdue.
    expect(nextStepState(pending('2025-04-16', null), TODAY)).toEqual({ overdue: true, undated: true });
    expect(nextStepState(pending('2026-10-01', null), TODAY)).toEqual({ overdue: false });
    expect(nextStepState(partnerRecord('s', { status: 'signatory', pendingSince: null }), TODAY)).toEqual({ overdue: false });
  });
});

import { describe, expect, it } from 'vitest';
import { buildDigest, digestSince, type DigestInput } from '../../src/domain/digest.js';
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

  it('looks back a week when there was no digest before', () => {
    expect(digestSince(TODAY, undefined)).toBe('2026-11-19');
    expect(digestSince(TODAY, TODAY)).toBe('2026-11-19');
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
    expect(digest.changes.newPartners.map((p) => p.id)).toEqual(['fresh']);
    expect(digest.changes.signed.map((p) => p.id)).toEqual(['signed']);
    expect(digest.changes.completedActions.map((a) => a.id)).toEqual(['finished']);
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

import { describe, expect, it } from 'vitest';
import { recordAsOf } from '../../src/domain/records-as-of.js';
import { reportFigures, type ReportInput } from '../../src/domain/report-figures.js';
import { parseReportPeriod } from '../../src/domain/report-period.js';
import type { HistoryEntry } from '../../src/domain/types.js';
import { seedProfile, seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { actionRecord, eventRecord, historyRecord, partnerRecord } from '../support/records.js';

const at = (entry: HistoryEntry, iso: string): HistoryEntry => ({ ...entry, at: iso });

describe('a record as it stood', () => {
  const partner = partnerRecord('acme', { stage: { name: 'legal_review', since: '2026-10-10', on: null, reason: null } });
  const history = [
    at(historyRecord('partner', 'acme', 'created', { name: { from: null, to: 'acme' }, stage: { from: null, to: { name: 'intention_declared', since: '2026-09-01', on: null, reason: null } } }), '2026-09-01T14:00:00.000Z'),
    at(historyRecord('partner', 'acme', 'updated', { stage: { from: { name: 'intention_declared', since: '2026-09-01', on: null, reason: null }, to: partner.stage } }), '2026-10-10T14:00:00.000Z'),
  ];

  it('undoes the changes made after the instant, and is absent before its creation', () => {
    expect(recordAsOf(partner, history, '2026-12-01T00:00:00.000Z')?.stage?.name).toBe('legal_review');
    expect(recordAsOf(partner, history, '2026-10-01T00:00:00.000Z')?.stage?.name).toBe('intention_declared');
    expect(recordAsOf(partner, history, '2026-08-01T00:00:00.000Z')).toBeUndefined();
  });

  it('is absent while removed, and a seeded record is there from the start', () => {
    const removed = { ...partner, removedAt: '2026-11-05T14:00:00.000Z' };
    const withRemoval = [...history, at(historyRecord('partner', 'acme', 'removed', {}), '2026-11-05T14:00:00.000Z')];
    expect(recordAsOf(removed, withRemoval, '2026-11-01T00:00:00.000Z')).toBeDefined();
    expect(recordAsOf(removed, withRemoval, '2026-11-06T00:00:00.000Z')).toBeUndefined();
    const seeded = [at(historyRecord('partner', 'acme', 'created', {}, 'seed:communique-2025-04-17'), '2026-12-01T10:00:00.000Z')];
    expect(recordAsOf(partner, seeded, '2025-06-01T00:00:00.000Z')).toBeDefined();
  });
});

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    period: parseReportPeriod('2026-11')!,
    audience: 'internal',
    now: new Date('2026-12-05T14:00:00Z'),
    timeZone: 'America/Toronto',
    partners: [],
    events: [],
    actions: [],
    contacts: [],
    tracks: seedTracks,
    profile: seedProfile,
    history: [],
    ...overrides,
  };
}

describe('report figures', () => {
  it('counts adhesions month by month by where each stood, leaving out a partner before it reached its stage', () => {
    const partners = [
      partnerRecord('signed-early', { status: 'signatory', pendingSince: null, stage: { name: 'signed', since: '2026-03-02', on: null, reason: null } }),
      partnerRecord('founding', { status: 'signatory', pendingSince: null }),
      partnerRecord('newcomer', { stage: { name: 'document_sent', since: '2026-10-20', on: null, reason: null } }),
      partnerRecord('paused', { stage: { name: 'paused', since: '2026-06-01', on: null, reason: 'budget' } }),
    ];
    const figures = reportFigures(input({ partners }));
    const month = (key: string) => figures.adhesions.find((entry) => entry.month === key)!.counts;
    expect(figures.adhesions.map((entry) => entry.month)).toHaveLength(12);
    expect(month('2026-01')).toMatchObject({ signatory: 1, document_sent: 0, resting: 0 });
    expect(month('2026-03')).toMatchObject({ signatory: 2, resting: 0 });
    expect(month('2026-06')).toMatchObject({ signatory: 2, resting: 1, document_sent: 0 });
    expect(month('2026-11')).toMatchObject({ signatory: 2, resting: 1, document_sent: 1 });
    expect(figures.undatedSignatories).toBe(true);
    expect(figures.headline).toMatchObject({ signatories: 2, pending: 2 });
  });

  it('counts action items by track as open, overdue and done at the period’s end; public copies say nothing of lateness', () => {
    const actions = [
      actionRecord('late', 'joint-projects', { dueOn: '2026-11-10' }),
      actionRecord('due-later', 'joint-projects', { dueOn: '2026-12-20' }),
      actionRecord('done', 'value-chains', { status: 'done', completedOn: '2026-11-12' }),
      actionRecord('done-before', 'value-chains', { status: 'done', completedOn: '2026-10-12' }),
      actionRecord('untracked', null),
    ];
    const inside = reportFigures(input({ actions }));
    const joint = inside.tracks.find((group) => group.track?.id === 'joint-projects')!;
    expect(joint).toMatchObject({ open: 1, overdue: 1, done: 0 });
    expect(inside.tracks.find((group) => group.track?.id === 'value-chains')).toMatchObject({ open: 0, overdue: 0, done: 2 });
    expect(inside.tracks.at(-1)).toMatchObject({ track: null, open: 1 });
    expect(inside.headline).toMatchObject({ openActions: 3, overdueActions: 1, completedInPeriod: 1 });
    expect(inside.openItems.map(({ item, overdue }) => [item.id, overdue])).toEqual([['late', true], ['due-later', false], ['untracked', false]]);
    const outside = reportFigures(input({ actions, audience: 'public' }));
    expect(outside.tracks.find((group) => group.track?.id === 'joint-projects')).toMatchObject({ open: 2, overdue: 0 });
    expect(outside.headline.overdueActions).toBe(0);
    expect(outside.openItems).toEqual([]);
  });

  it('counts events per month, held and cancelled, and the period’s events; a removed event not at all', () => {
    const events = [
      eventRecord('nov-a', '2026-11-18'),
      eventRecord('nov-b', '2026-11-30', { status: 'cancelled' }),
      eventRecord('dec', '2026-12-02'),
      eventRecord('gone', '2026-11-05', { removedAt: '2026-11-01T12:00:00.000Z' }),
      eventRecord('old', '2025-11-18'),
    ];
    const figures = reportFigures(input({ events }));
    expect(figures.eventsByMonth.at(-1)).toEqual({ month: '2026-11', held: 1, cancelled: 1 });
    expect(figures.eventsByMonth[0]).toEqual({ month: '2025-12', held: 0, cancelled: 0 });
    expect(figures.headline.eventsInPeriod).toBe(1);
  });

  it('stands at today for a period not over yet, and reads what changed within the period only', () => {
    const partner = partnerRecord('acme');
    const history = [
      at(historyRecord('partner', 'acme', 'created', { name: { from: null, to: 'acme' } }), '2026-12-02T15:00:00.000Z'),
      at(historyRecord('partner', 'acme', 'updated', { nextStep: { from: null, to: partner.nextStep } }), '2026-11-15T15:00:00.000Z'),
    ];
    const december = reportFigures(input({ period: parseReportPeriod('2026-12')!, partners: [partner], history }));
    expect(december.asOf).toBe('2026-12-05');
    expect(december.headline.pending).toBe(1);
    expect(december.changes.partners.map((change) => change.kind)).toEqual(['added']);
    const november = reportFigures(input({ partners: [partner], history }));
    expect(november.asOf).toBe('2026-11-30');
    expect(november.headline.pending).toBe(0);
  });
});

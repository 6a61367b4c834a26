import { describe, expect, it } from 'vitest';
import { findTrack, groupByTrack, isOverdue } from '../../src/domain/action-items.js';
import { eventsWhen, findEvents } from '../../src/domain/events.js';
import type { ActionItem } from '../../src/domain/types.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { actionRecord, eventRecord } from '../support/records.js';

const event = (id: string, date: string, title = id) => eventRecord(id, date, { title: { fr: title, en: title } });
const action = (id: string, trackId: string | null, overrides: Partial<ActionItem> = {}) =>
  actionRecord(id, trackId, { title: { fr: id, en: id }, ...overrides });

describe('events', () => {
  const events = [event('b', '2026-12-01'), event('a', '2026-11-26'), event('old', '2025-04-16'), event('older', '2024-01-01')];

  it('counts today as upcoming, soonest first; past latest first', () => {
    expect(eventsWhen(events, 'upcoming', '2026-11-26').map((e) => e.id)).toEqual(['a', 'b']);
    expect(eventsWhen(events, 'past', '2026-11-26').map((e) => e.id)).toEqual(['old', 'older']);
  });

  it('finds by date, month or words', () => {
    expect(findEvents('2025-04-16', events).map((e) => e.id)).toEqual(['old']);
    expect(findEvents('2026-1', events)).toEqual([]);
    expect(findEvents('2026-11', events).map((e) => e.id)).toEqual(['a']);
    expect(findEvents('bromont', events)).toHaveLength(4);
  });
});

describe('actions', () => {
  it('groups by the four tracks in order, with untracked items last', () => {
    const groups = groupByTrack([action('x', null), action('y', 'value-chains')], seedTracks);
    expect(groups.map((g) => g.track?.id ?? null)).toEqual(['mutual-knowledge', 'joint-projects', 'value-chains', 'investment-and-workforce', null]);
    expect(groups[2]!.items.map((i) => i.id)).toEqual(['y']);
    expect(groups[4]!.items.map((i) => i.id)).toEqual(['x']);
  });

  it('finds a track by number or words in either language', () => {
    expect(findTrack('2', seedTracks)?.id).toBe('joint-projects');
    expect(findTrack('main-d’œuvre', seedTracks)?.id).toBe('investment-and-workforce');
    expect(findTrack('workforce', seedTracks)?.id).toBe('investment-and-workforce');
    expect(findTrack('9', seedTracks)).toBeUndefined();
  });

  it('flags open items past their due date only', () => {
    expect(isOverdue(action('a', null, { dueOn: '2026-11-25' }), '2026-11-26')).toBe(true);
    expect(isOverdue(action('a', null, { dueOn: '2026-11-26' }), '2026-11-26')).toBe(false);
    expect(isOverdue(action('a', null, { dueOn: '2026-11-25', status: 'done' }), '2026-11-26')).toBe(false);
  });
});

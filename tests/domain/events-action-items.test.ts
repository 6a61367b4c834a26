import { describe, expect, it } from 'vitest';
import { findTrack, groupByTrack, isOverdue } from '../../src/domain/action-items.js';
import { isOnDate, parseDateWords } from '../../src/domain/date-words.js';
import { eventsWhen, findEvents } from '../../src/domain/events.js';
import type { ActionItem, Person } from '../../src/domain/types.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { actionRecord, eventRecord, partnerRecord } from '../support/records.js';

const personRecord = (id: string, name: string): Person => {
  const { version, createdAt, updatedAt, updatedBy, removedAt } = eventRecord(id, '2025-01-01');
  return { version, createdAt, updatedAt, updatedBy, removedAt, id, name, title: null, partnerId: null, affiliation: null, email: null, quote: null };
};
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

  it.each([
    ['16 avril', ['old']],
    ['le mercredi 16 avril 2025', ['old']],
    ['April 16', ['old']],
    ['April 16th, 2025', ['old']],
    ['16 April', ['old']],
    ['16 Apr 2025', ['old']],
    ['16 avril 2024', []],
    ['novembre 2026', ['a']],
    ['1er décembre', ['b']],
    ['December 1st', ['b']],
  ])('finds events by a date in words: %s', (query, ids) => {
    expect(findEvents(query, events).map((e) => e.id)).toEqual(ids);
  });

  it('finds events by their speakers, people present and organisers, a typo forgiven', () => {
    const meeting = eventRecord('meeting', '2025-04-16', {
      speakers: [{ personId: 'peter-welch', role: null }],
      attendeePersonIds: ['rene-sylvestre'],
      organiserIds: ['technum-quebec'],
    });
    const directory = {
      people: [personRecord('peter-welch', 'Peter Welch'), personRecord('rene-sylvestre', 'René Sylvestre')],
      partners: [partnerRecord('technum-quebec', { name: 'Technum Québec' })],
    };
    const ids = (query: string) => findEvents(query, [meeting, ...events], directory).map((e) => e.id);
    expect(ids('welch')).toEqual(['meeting']);
    expect(ids('welsh')).toEqual(['meeting']);
    expect(ids('sylvestre')).toEqual(['meeting']);
    const call = eventRecord('call', '2026-12-10', { invitedPersonIds: ['stephanie-latour'] });
    const invited = { ...directory, people: [...directory.people, personRecord('stephanie-latour', 'Stéphanie Latour')] };
    expect(findEvents('latour', [meeting, call], invited).map((e) => e.id)).toEqual(['call']);
    expect(ids('technum')).toEqual(['meeting']);
    expect(ids('welch bromont')).toEqual(['meeting']);
    expect(ids('welch montreal')).toEqual([]);
  });
});

describe('parseDateWords', () => {
  it('reads day, month and year in either order and language', () => {
    expect(parseDateWords('16 avril')).toEqual({ day: 16, month: 4 });
    expect(parseDateWords('April 16, 2025')).toEqual({ day: 16, month: 4, year: 2025 });
    expect(parseDateWords('sept 2026')).toEqual({ month: 9, year: 2026 });
    expect(parseDateWords('août 3')).toEqual({ day: 3, month: 8 });
  });

  it('refuses what is not a date: words, ambiguous months, impossible days', () => {
    for (const text of ['sherbrooke', 'avril', 'ju 16', '32 avril', '16 avril sherbrooke 2025', 'mars mars', '']) {
      expect([text, parseDateWords(text)]).toEqual([text, undefined]);
    }
  });

  it('matches ISO dates by day, month and year when given', () => {
    expect(isOnDate('2025-04-16', { month: 4, day: 16 })).toBe(true);
    expect(isOnDate('2025-04-16', { month: 4, year: 2025 })).toBe(true);
    expect(isOnDate('2025-04-16', { month: 4, day: 17 })).toBe(false);
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

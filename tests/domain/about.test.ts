import { describe, expect, it } from 'vitest';
import { itemisedChanges, retitled, trackHistory } from '../../src/domain/about.js';
import { findTrack } from '../../src/domain/action-items.js';
import type { HistoryEntry } from '../../src/domain/types.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';

const valueChains = seedTracks[2]!;
const supply = { fr: 'Chaînes d’approvisionnement', en: 'Supply chains' };

describe('a renamed track', () => {
  it('keeps its former titles, newest last, a few at most, and the same title changes nothing', () => {
    const once = retitled(valueChains, supply);
    expect(once.formerTitles).toEqual([valueChains.title]);
    expect(retitled(once, supply)).toBe(once);
    let many = once;
    for (let n = 1; n <= 8; n++) many = retitled(many, { fr: `Piste ${n}`, en: `Track ${n}` });
    expect(many.formerTitles).toHaveLength(5);
    expect(many.formerTitles.at(-1)).toEqual({ fr: 'Piste 7', en: 'Track 7' });
  });

  it('is found by its new words first, and by its former title when no current title has them', () => {
    const tracks = seedTracks.map((track) => (track.id === valueChains.id ? retitled(track, supply) : track));
    expect(findTrack('supply', tracks)?.id).toBe('value-chains');
    expect(findTrack('local resilient value', tracks)?.id).toBe('value-chains');
    // "projects" is in track 2's current title: it wins over any former one.
    expect(findTrack('projects', tracks)?.id).toBe('joint-projects');
  });
});

describe('the about record’s history', () => {
  const entry = (diff: HistoryEntry['diff'], change: HistoryEntry['change'] = 'updated'): HistoryEntry => ({
    id: 1,
    entity: 'about',
    entityId: 'corridor',
    actor: 'U0ADMIN',
    at: '2026-12-05T12:00:00.000Z',
    change,
    diff,
  });

  it('lists only the figures and tracks that changed', () => {
    const renamed = seedTracks.map((track) => (track.id === valueChains.id ? retitled(track, supply) : track));
    const changes = itemisedChanges({ tracks: { from: seedTracks, to: renamed }, purpose: { from: { fr: 'a', en: 'a' }, to: { fr: 'b', en: 'b' } } });
    expect(changes.map(([key]) => key)).toEqual(['tracks', 'purpose']);
    expect(changes[0]![1]).toEqual({ from: valueChains, to: renamed[2] });
    // Lists of plain values are left whole.
    expect(itemisedChanges({ aliases: { from: ['A'], to: ['A', 'B'] } })).toEqual([['aliases', { from: ['A'], to: ['A', 'B'] }]]);
  });

  it('gives a track its own history: the title set, then each new title', () => {
    const renamed = seedTracks.map((track) => (track.id === valueChains.id ? retitled(track, supply) : track));
    const history = trackHistory(
      [entry({ tracks: { from: null, to: seedTracks } }, 'created'), entry({ purpose: { from: 'a', to: 'b' } }), entry({ tracks: { from: seedTracks, to: renamed } })],
      'value-chains',
    );
    expect(history.map((item) => [item.change, item.diff])).toEqual([
      ['created', { title: { from: null, to: valueChains.title } }],
      ['updated', { title: { from: valueChains.title, to: supply } }],
    ]);
    expect(trackHistory([entry({ tracks: { from: seedTracks, to: renamed } })], 'joint-projects')).toEqual([]);
  });
});

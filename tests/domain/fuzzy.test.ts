import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName, everyWordMatches, isTypoOf, typoDistance, typosAllowed } from '../../src/domain/fuzzy.js';

describe('typoDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(typoDistance('sherbroke', 'sherbrooke')).toBe(1);
    expect(typoDistance('distrik', 'distriq')).toBe(1);
    expect(typoDistance('vemront', 'vermont')).toBe(1);
    expect(typoDistance('', 'abc')).toBe(3);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops past the limit', () => {
    expect(typoDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(typoDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric and zero only for equal words (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(typoDistance(a, b)).toBe(typoDistance(b, a));
        expect(typoDistance(a, b) === 0).toBe(a === b);
        expect(typoDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('typos forgiven, scaled with length', () => {
  it('forgives none in words of three letters, one up to seven, two beyond', () => {
    expect([2, 3, 4, 7, 8, 20].map(typosAllowed)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(isTypoOf('cpw', 'cpq')).toBe(false);
    expect(isTypoOf('isq', 'iseq')).toBe(true);
    expect(isTypoOf('sherbrok', 'sherbrooke')).toBe(true);
    expect(isTypoOf('shrbrok', 'sherbrooke')).toBe(false);
  });

  it('matches every typed word by its start or a typo', () => {
    expect(everyWordMatches(['univ', 'sherbroke'], ['universite', 'de', 'sherbrooke'])).toBe(true);
    expect(everyWordMatches(['univ', 'maine'], ['university', 'of', 'vermont'])).toBe(false);
    expect(everyWordMatches([], ['anything'])).toBe(false);
  });
});

describe('closestName', () => {
  const names = ['partners', 'partner', 'partenaire', 'events', 'help', 'h'].map((name) => ({ name, value: name }));

  it('prefers the shortest name the text starts, then the nearest within a third of its length', () => {
    expect(closestName('part', names)).toBe('partner');
    expect(closestName('partenair', names)).toBe('partenaire');
    expect(closestName('partnres', names)).toBe('partners');
    expect(closestName('evnets', names)).toBe('events');
  });

  it('gives nothing for far-fetched guesses', () => {
    expect(closestName('nimporte', names)).toBeUndefined();
    expect(closestName('zz', names)).toBeUndefined();
  });
});

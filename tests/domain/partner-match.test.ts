import { beforeAll, describe, expect, it } from 'vitest';
import { isInitialism, matchPartner } from '../../src/domain/partner-match.js';
import type { Partner } from '../../src/domain/types.js';
import { openSqliteStore } from '../../src/store/open-store.js';

let partners: Partner[];

beforeAll(async () => {
  const store = await openSqliteStore('sqlite::memory:');
  partners = await store.partners.list();
  await store.close();
});

function matchedIds(query: string): string[] {
  const match = matchPartner(query, partners);
  if (match.kind === 'one') return [match.partner.id];
  if (match.kind === 'many') return match.partners.map((partner) => partner.id);
  return [];
}

describe('matchPartner', () => {
  it.each([
    ['c2mi', 'c2mi'],
    ['C2MI', 'c2mi'],
    ['udes', 'universite-de-sherbrooke'],
    ['UdeS', 'universite-de-sherbrooke'],
    ['universite de sherbrooke', 'universite-de-sherbrooke'],
    ['Université de Sherbrooke', 'universite-de-sherbrooke'],
    ['sherbrooke', 'universite-de-sherbrooke'],
    ['iseq', 'iseq'],
    ['pôle d’excellence', 'iseq'],
    ['cpq', 'conseil-du-patronat-du-quebec'],
    ['technum', 'technum-quebec'],
    ['amcham', 'amcham-quebec'],
    ['cmc', 'cmc-microsystems'],
    ['new hampshire', 'new-hampshire-bea'],
    ['venture lab', 'venture-lab'],
  ])('finds %s', (query, id) => {
    expect(matchedIds(query)).toEqual([id]);
  });

  it('lists every partner when several match', () => {
    expect(matchedIds('vermont').sort()).toEqual(['university-of-vermont', 'vermont-accd']);
  });

  it('suggests the closest name when nothing matches', () => {
    const match = matchPartner('distrik', partners);
    expect(match.kind).toBe('none');
    expect(match.kind === 'none' && match.suggestion?.id).toBe('distriq');
  });

  it('suggests nothing for unrelated text', () => {
    const match = matchPartner('zzzzzzzzzzzz', partners);
    expect(match).toEqual({ kind: 'none', suggestion: undefined });
  });

  it('treats empty and punctuation-only queries as no match', () => {
    expect(matchPartner('  ', partners)).toEqual({ kind: 'none', suggestion: undefined });
    expect(matchPartner('!!!', partners)).toEqual({ kind: 'none', suggestion: undefined });
  });
});

describe('isInitialism', () => {
  it('reads link words whole or not at all', () => {
    expect(isInitialism('udes', ['universite', 'de', 'sherbrooke'])).toBe(true);
    expect(isInitialism('us', ['universite', 'de', 'sherbrooke'])).toBe(true);
    expect(isInitialism('uds', ['universite', 'de', 'sherbrooke'])).toBe(true);
  });

  it('keeps word order and needs every letter explained', () => {
    expect(isInitialism('su', ['universite', 'de', 'sherbrooke'])).toBe(false);
    expect(isInitialism('udesx', ['universite', 'de', 'sherbrooke'])).toBe(false);
    expect(isInitialism('u', ['universite', 'de', 'sherbrooke'])).toBe(false);
  });
});

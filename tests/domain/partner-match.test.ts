import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isInitialism, matchPartner, namesOf, partnerNamedFirst } from '../../src/domain/partner-match.js';
import { partner as partnerSchema, type Partner, type Person } from '../../src/domain/types.js';
import { openSqliteStore } from '../../src/store/open-store.js';

let partners: Partner[];
let people: Person[];

beforeAll(async () => {
  const store = await openSqliteStore('sqlite::memory:');
  partners = await store.partners.list();
  people = await store.people.list();
  await store.close();
});

function matchedIds(query: string): string[] {
  const match = matchPartner(query, partners, people);
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

  it.each([
    ['uvm', 'university-of-vermont'],
    ['UVM', 'university-of-vermont'],
    ['accd', 'vermont-accd'],
    ['nh', 'new-hampshire-bea'],
    ['bea', 'new-hampshire-bea'],
    ['NH BEA', 'new-hampshire-bea'],
  ])('finds %s by the usual short name stored with the partner', (query, id) => {
    expect(matchedIds(query)).toEqual([id]);
  });

  it.each([
    ['sherbroke', 'universite-de-sherbrooke'],
    ['distrik', 'distriq'],
    ['univ sherbroke', 'universite-de-sherbrooke'],
    ['vemront agency', 'vermont-accd'],
    ['venturelab', 'venture-lab'],
  ])('forgives the typos in %s', (query, id) => {
    expect(matchedIds(query)).toEqual([id]);
  });

  it('finds a partner by its designation, in either language, and by its people', () => {
    expect(matchedIds('quantique')).toEqual(['distriq']);
    expect(matchedIds('quantum')).toEqual(['distriq']);
    expect(matchedIds('duclos')).toEqual(['technum-quebec']);
    expect(matchedIds('latour')).toEqual(['technum-quebec']);
  });

  it('forgives no typo in short acronyms: they would match every other short word', () => {
    expect(matchedIds('cpw')).toEqual([]);
    expect(matchedIds('uvn')).toEqual([]);
    expect(matchedIds('bev')).toEqual([]);
  });

  it('prefers names to designations and people', () => {
    // "zone" is in two designations but names nobody: both are listed.
    expect(matchedIds('zone').sort()).toEqual(['distriq', 'technum-quebec']);
    // Technum's name wins over Distriq's designation "Zone d'innovation quantique" for "technum".
    expect(matchedIds('technum')).toEqual(['technum-quebec']);
  });

  it('lists every partner when several match', () => {
    expect(matchedIds('vermont').sort()).toEqual(['university-of-vermont', 'vermont-accd']);
  });

  it('suggests the closest name when nothing matches', () => {
    const match = matchPartner('dixtrik', partners);
    expect(match.kind).toBe('none');
    expect(match.kind === 'none' && match.suggestion?.id).toBe('distriq');
  });

  it('suggests no partner for a word that shares a letter or two with a short name', () => {
    // "chips" is three edits from "CPQ": another word, not a typo of it.
    for (const word of ['chips', 'boston']) expect(matchPartner(word, partners)).toEqual({ kind: 'none', suggestion: undefined });
  });

  it('finds the partner the first words name, and says which words were left out', () => {
    expect(partnerNamedFirst('c2mi extra words', partners)).toMatchObject({ partner: { id: 'c2mi' }, leftOut: 'extra words' });
    expect(partnerNamedFirst('universite de sherbrooke stuff', partners)).toMatchObject({ partner: { id: 'universite-de-sherbrooke' }, leftOut: 'stuff' });
    // Several partners for the first words, or none at all: no card is guessed.
    expect(partnerNamedFirst('vermont stuff', partners)).toBeUndefined();
    expect(partnerNamedFirst('chips and more', partners)).toBeUndefined();
    // The start of a name is not a name: "new" is not New Hampshire.
    expect(partnerNamedFirst('new brunswick innovation', partners)).toBeUndefined();
  });

  it('suggests nothing for unrelated text', () => {
    const match = matchPartner('zzzzzzzzzzzz', partners);
    expect(match).toEqual({ kind: 'none', suggestion: undefined });
  });

  it('treats empty and punctuation-only queries as no match', () => {
    expect(matchPartner('  ', partners)).toEqual({ kind: 'none', suggestion: undefined });
    expect(matchPartner('!!!', partners)).toEqual({ kind: 'none', suggestion: undefined });
  });

  it('reads old records, stored before short names, as having none', () => {
    const { aliases: _aliases, ...old } = partners.find((partner) => partner.id === 'c2mi')!;
    expect(partnerSchema.parse(old).aliases).toEqual([]);
    expect(matchedIds('c2mi')).toEqual(['c2mi']);
  });
});

/** The name with one letter inserted, removed, replaced or swapped with the next at `position`. */
function withTypo(name: string, position: number, kind: 'insert' | 'delete' | 'replace' | 'swap', letter: string): string {
  const at = position % name.length;
  if (kind === 'insert') return name.slice(0, at) + letter + name.slice(at);
  if (kind === 'delete') return name.slice(0, at) + name.slice(at + 1);
  if (kind === 'replace') return name.slice(0, at) + letter + name.slice(at + 1);
  return at + 1 < name.length ? name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2) : name;
}

describe('matchPartner over every stored name (property)', () => {
  it('finds each partner by each of its names and short names, and by nothing of another’s', () => {
    for (const partner of partners) {
      for (const name of namesOf(partner)) expect([name, matchedIds(name)]).toEqual([name, [partner.id]]);
    }
  });

  it('finds each partner by its name with any one-letter typo, and never another partner', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...partners),
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace', 'swap'),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        (partner, position, kind, letter) => {
          const typo = withTypo(partner.name, position, kind as 'insert', letter);
          expect([typo, matchedIds(typo)]).toEqual([typo, [partner.id]]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds each partner by its acronym and short names with a typo when they are long enough to forgive one', () => {
    const long = partners.flatMap((partner) => [partner.acronym, ...partner.aliases].filter((name): name is string => (name?.length ?? 0) >= 5).map((name) => ({ partner, name })));
    expect(long.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.constantFrom('delete', 'replace', 'swap'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), ({ partner, name }, position, kind, letter) => {
        const typo = withTypo(name, position, kind as 'delete', letter);
        expect([typo, matchedIds(typo)]).toEqual([typo, [partner.id]]);
      }),
    );
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

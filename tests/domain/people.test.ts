import { describe, expect, it } from 'vitest';
import { findPeople, namesPerson } from '../../src/domain/people.js';
import type { Person } from '../../src/domain/types.js';
import { seedRecords } from '../support/records.js';

const { people, partners } = seedRecords();
const organisationOf = (person: Person) => {
  const partner = partners.find((candidate) => candidate.id === person.partnerId);
  return [partner?.name, partner?.acronym].filter((name): name is string => Boolean(name));
};
const names = (query: string) => {
  const match = findPeople(query, people, organisationOf);
  return match.kind === 'found' ? match.people.map((person) => person.name) : [];
};

describe('findPeople', () => {
  it('finds anyone on record by a word of the name, forgiving case and accents', () => {
    expect(names('welch')).toEqual(['Peter Welch']);
    expect(names('RENE')).toEqual(['René Sylvestre']);
    expect(names('stéph lat')).toEqual(['Stéphanie Latour']);
    expect(names('Manon Duclos')).toEqual(['Manon Duclos']);
  });

  it('falls back on the title and the organisation, both languages', () => {
    expect(names('technum')).toEqual(['Manon Duclos', 'Stéphanie Latour']);
    expect(names('boston')).toEqual(['René Sylvestre']);
    expect(names('senateur')).toEqual(['Peter Welch']);
  });

  it('lists everyone, by name, for an empty query', () => {
    expect(names('')).toHaveLength(5);
    expect(names('')[0]).toBe('Manon Duclos');
  });

  it('suggests the closest name for a typo, and nothing for a stranger', () => {
    expect(findPeople('welsh', people, organisationOf)).toMatchObject({ kind: 'none', suggestion: { name: 'Peter Welch' } });
    expect(findPeople('zzzzzz', people, organisationOf)).toEqual({ kind: 'none', suggestion: undefined });
  });

  it('knows when a whole text is a name (so `person add` stays a verb only for others)', () => {
    expect(namesPerson('peter welch', people)).toBe(true);
    expect(namesPerson('add', people)).toBe(false);
  });
});

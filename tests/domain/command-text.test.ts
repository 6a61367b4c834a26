import { describe, expect, it } from 'vitest';
import { parseCommandText, readVerb, withTwoWordName, type RecordFinder } from '../../src/domain/command-text.js';
import { applyPartnerFilter, partnerFilterArgument } from '../../src/domain/partner-filter.js';
import { seedRecords } from '../support/records.js';
import { eventWhenArgument } from '../../src/domain/event-when.js';

describe('parseCommandText', () => {
  it('splits the subcommand from its arguments', () => {
    expect(parseCommandText('partner  Université de Sherbrooke ')).toEqual({
      lang: undefined,
      name: 'partner',
      rest: 'Université de Sherbrooke',
    });
  });

  it('folds accents and case of the subcommand only', () => {
    expect(parseCommandText('ÉVÉNEMENTS à venir')).toEqual({ lang: undefined, name: 'evenements', rest: 'à venir' });
  });

  it('takes --fr / --en anywhere and removes them', () => {
    expect(parseCommandText('--fr partners qc')).toMatchObject({ lang: 'fr', name: 'partners', rest: 'qc' });
    expect(parseCommandText('aide --EN')).toMatchObject({ lang: 'en', name: 'aide', rest: '' });
  });

  it('leaves look-alike flags in the text', () => {
    expect(parseCommandText('partner --french')).toMatchObject({ lang: undefined, rest: '--french' });
  });

  it('joins a name typed as two words only when the first alone names nothing', () => {
    const names = new Set(['a-propos', 'partner']);
    const isName = (name: string) => names.has(name);
    expect(withTwoWordName(parseCommandText('À propos du corridor'), isName)).toMatchObject({ name: 'a-propos', rest: 'du corridor' });
    expect(withTwoWordName(parseCommandText('partner propos'), isName)).toMatchObject({ name: 'partner', rest: 'propos' });
    expect(withTwoWordName(parseCommandText('a'), isName)).toMatchObject({ name: 'a', rest: '' });
    expect(withTwoWordName(parseCommandText('b propos'), isName)).toMatchObject({ name: 'b', rest: 'propos' });
  });

  it('gives an empty name for empty text', () => {
    expect(parseCommandText('   ')).toEqual({ lang: undefined, name: '', rest: '' });
  });
});

describe('command arguments', () => {
  it('parses partner filters in both languages', () => {
    expect(partnerFilterArgument.parse('QC')).toEqual({ kind: 'jurisdiction', jurisdiction: 'QC' });
    expect(partnerFilterArgument.parse('en attente')).toEqual({ kind: 'status', status: 'pending' });
    expect(partnerFilterArgument.parse('Signataires')).toEqual({ kind: 'status', status: 'signatory' });
    expect(partnerFilterArgument.parse('')).toEqual({ kind: 'all' });
    expect(partnerFilterArgument.safeParse('mars').success).toBe(false);
  });

  it('parses every jurisdiction of the corridor, and a whole country or its federal level', () => {
    expect(partnerFilterArgument.parse('on')).toEqual({ kind: 'jurisdiction', jurisdiction: 'ON' });
    expect(partnerFilterArgument.parse('Nouveau-Brunswick')).toEqual({ kind: 'jurisdiction', jurisdiction: 'NB' });
    expect(partnerFilterArgument.parse('ca')).toEqual({ kind: 'country', country: 'CA' });
    expect(partnerFilterArgument.parse('États-Unis')).toEqual({ kind: 'country', country: 'US' });
    expect(partnerFilterArgument.parse('ca-federal')).toEqual({ kind: 'jurisdiction', jurisdiction: 'CA' });
    expect(partnerFilterArgument.parse('fédéral us')).toEqual({ kind: 'jurisdiction', jurisdiction: 'US' });
    const partners = seedRecords().partners.map((partner) => (partner.id === 'cmc-microsystems' ? { ...partner, jurisdiction: 'CA' as const } : partner));
    const names = (filter: string) => applyPartnerFilter(partners, partnerFilterArgument.parse(filter)).map((partner) => partner.id);
    expect(names('ca')).toEqual(expect.arrayContaining(['c2mi', 'universite-de-sherbrooke', 'cmc-microsystems']));
    expect(names('ca')).not.toContain('university-of-vermont');
    expect(names('ca federal')).toEqual(['cmc-microsystems']);
    expect(names('us')).toEqual(['university-of-vermont', 'vermont-accd', 'new-hampshire-bea']);
    expect(names('qc')).not.toContain('cmc-microsystems');
  });

  it('parses upcoming / past in both languages', () => {
    expect(eventWhenArgument.parse('à venir')).toBe('upcoming');
    expect(eventWhenArgument.parse('passés')).toBe('past');
    expect(eventWhenArgument.parse('')).toBe('all');
    expect(eventWhenArgument.safeParse('tomorrow').success).toBe(false);
  });
});

describe('readVerb: a verb counts only where it reads as one', () => {
  /** Records named "New Hampshire department", "C2MI" and "Change Lab". */
  const records: RecordFinder = {
    names: (query) => ['change lab', 'c2mi'].includes(query.toLowerCase()),
    finds: (query) => ['new hampshire', 'hampshire', 'c2mi', 'change lab', 'change'].some((name) => name.startsWith(query.toLowerCase())),
  };

  it('opens the form for add or new alone, in either language', () => {
    for (const verb of ['add', 'new', 'ajouter', 'nouveau', 'Nouvelle', 'créer']) expect(readVerb(verb, records)).toEqual({ kind: 'add', rest: '' });
  });

  it('looks up "new" followed by words: it starts names such as New Hampshire', () => {
    expect(readVerb('new hampshire', records)).toEqual({ kind: 'lookup', query: 'new hampshire' });
    expect(readVerb('nouveau brunswick', records)).toEqual({ kind: 'lookup', query: 'nouveau brunswick' });
  });

  it('shows a record named after add, and opens the form with any other name', () => {
    expect(readVerb('add c2mi', records)).toEqual({ kind: 'lookup', query: 'c2mi' });
    expect(readVerb('add Acme Robotics', records)).toEqual({ kind: 'add', rest: 'Acme Robotics' });
    expect(readVerb('ajouter Acme', records)).toEqual({ kind: 'add', rest: 'Acme' });
  });

  it('edits what follows edit, unless the whole text is a record’s own name', () => {
    expect(readVerb('edit c2mi', records)).toEqual({ kind: 'edit', rest: 'c2mi' });
    expect(readVerb('modifier', records)).toEqual({ kind: 'edit', rest: '' });
    expect(readVerb('change lab', records)).toEqual({ kind: 'lookup', query: 'change lab' });
  });

  it('looks up any text that does not start with a verb', () => {
    expect(readVerb('  c2mi ', records)).toEqual({ kind: 'lookup', query: 'c2mi' });
    expect(readVerb('newco', records)).toEqual({ kind: 'lookup', query: 'newco' });
  });
});

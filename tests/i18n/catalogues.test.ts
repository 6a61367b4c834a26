import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { formatAge, formatDate, formatNumber, formatTime } from '../../src/i18n/format.js';
import { langFromLocale } from '../../src/i18n/index.js';

/** Every leaf path with its value, so the two catalogues can be compared entry by entry. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => leaves(value, `${path}.${key}`));
  return [[path, node]];
}

/** Arguments a catalogue function accepts: a count and words, or a list of words. */
function sampleArguments(fn: (...args: unknown[]) => unknown): unknown[] {
  const counted = Array.from({ length: fn.length }, (_, i) => (i === 0 ? 2 : 'x'));
  try {
    fn(...counted);
    return counted;
  } catch {
    return [['a', 'b']];
  }
}

describe('catalogues', () => {
  it('have the same entries in French and English', () => {
    expect(leaves(fr).map(([path]) => path)).toEqual(leaves(en).map(([path]) => path));
  });

  it('have no empty text and translate what is not a proper name', () => {
    const french = new Map(leaves(fr));
    const identical: string[] = [];
    for (const [path, value] of leaves(en)) {
      const other = french.get(path);
      if (typeof value === 'string') {
        expect(value.trim(), path).not.toBe('');
        expect(String(other).trim(), path).not.toBe('');
        if (value === other && !/^\.(jurisdiction|locale)\./.test(`${path}.`)) identical.push(path);
      }
      if (typeof value === 'function') {
        const args = sampleArguments(value as (...a: unknown[]) => unknown);
        const english = (value as (...a: unknown[]) => unknown)(...args);
        const translated = (other as (...a: unknown[]) => unknown)(...args);
        expect(String(translated), path).not.toBe('');
        if (english === translated && typeof english === 'string' && /[a-z]{4}/i.test(english)) identical.push(path);
      }
    }
    // Only names shared by both languages may read the same.
    const shared = ['.fields.date', '.fields.sources', '.fields.organisation', '.fields.affiliation', '.help.usageLine', '.commands.actions.examples.0', '.notion.propertyTypes.date', '.notion.propertyTypes.url', '.notion.propertyTypes.relation', '.notionPeople.properties.organisation', '.notionEvents.properties.date'];
    // Partner filter words (qc, us, ca federal…) are codes, the same in both languages.
    expect(identical.filter((path) => !shared.includes(path) && !path.startsWith('.partners.filterExamples.'))).toEqual([]);
  });
});

describe('formatting', () => {
  it('formats dates, times and numbers per language', () => {
    expect(formatDate('2025-04-16', 'fr')).toBe('16 avril 2025');
    expect(formatDate('2025-04-16', 'en')).toBe('April 16, 2025');
    // The first of the month is an ordinal in French only.
    expect(formatDate('2026-09-01', 'fr')).toBe('1er septembre 2026');
    expect(formatDate('2026-09-01', 'fr', { weekday: true })).toBe('mardi 1er septembre 2026');
    expect(formatDate('2026-09-01', 'en')).toBe('September 1, 2026');
    expect(formatTime('09:30', 'fr')).toMatch(/^0?9 h 30$/);
    expect(formatTime('14:05', 'en')).toMatch(/^2:05\sp\.m\.$/);
    expect(formatNumber(90, 'fr', 'percent')).toMatch(/^90\s%$/);
    expect(formatNumber(90, 'en', 'percent')).toBe('90%');
  });

  it('says how long something has been pending', () => {
    expect(formatAge('2025-04-16', '2026-11-26', 'en')).toBe('1 year, 7 months');
    expect(formatAge('2025-04-16', '2026-11-26', 'fr')).toBe('1 an et 7 mois');
    expect(formatAge('2026-11-20', '2026-11-26', 'en')).toBe('6 days');
    expect(formatAge('2026-11-26', '2026-11-26', 'fr')).toBe('depuis aujourd’hui');
  });

  it('reads fr* Slack locales as French', () => {
    expect(langFromLocale('fr-CA')).toBe('fr');
    expect(langFromLocale('fr-FR')).toBe('fr');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });
});

describe('refusals', () => {
  it('agree in number with how many coordinators can help', () => {
    expect(fr.permissions.refused('<@U1>', 1)).toMatch(/<@U1> peut vous aider\.$/);
    expect(fr.permissions.refused('<@U1> et <@U2>', 2)).toMatch(/peuvent vous aider\.$/);
    expect(en.permissions.refused('<@U1>', 1)).toMatch(/<@U1> can help\.$/);
  });
});

import { describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr.js';
import { formatDateTime, formatTime } from '../../src/i18n/format.js';

// OQLF typography in every French text the app renders: a non-breaking space (U+00A0 or U+202F)
// before a colon, and hours without a leading zero ("8 h 46", not "08 h 46").

/** Every text of the catalogue, its functions called with counts (0, 1, 2) and sample words. */
function renderedTexts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') return renderings(node as (...args: unknown[]) => unknown).map((text) => [path, text]);
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => renderedTexts(value, `${path}.${key}`));
  return [];
}

function renderings(fn: (...args: unknown[]) => unknown): string[] {
  const texts: string[] = [];
  for (const count of [0, 1, 2]) {
    for (const args of [Array.from({ length: fn.length }, () => count), Array.from({ length: fn.length }, (_, i) => (i === 0 ? 'Nom' : count)), [['a', 'b']]]) {
      try {
        const text = fn(...args);
        if (typeof text === 'string') texts.push(text);
      } catch {
        // Not the arguments this function takes: the other samples cover it.
      }
    }
  }
  return texts;
}

const texts = renderedTexts(fr);

describe('the French catalogue', () => {
  it('is rendered in full by the scan', () => {
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.some(([, text]) => text.includes('\u00a0:'))).toBe(true);
  });

  it('puts a non-breaking space before every colon, never an ordinary one', () => {
    const faulty = texts.filter(([, text]) => / :/.test(text)).map(([path, text]) => `${path}: ${text}`);
    expect(faulty).toEqual([]);
  });

  it('writes no hour with a leading zero', () => {
    const faulty = texts.filter(([, text]) => /\b0\d h\b/.test(text)).map(([path]) => path);
    expect(faulty).toEqual([]);
  });
});

describe('French times', () => {
  it('read "8 h 46", not "08 h 46", at every hour of the day', () => {
    for (let hour = 0; hour < 24; hour += 1) {
      const time = `${String(hour).padStart(2, '0')}:46`;
      expect(formatTime(time, 'fr')).toBe(`${hour} h 46`);
      const instant = new Date(Date.UTC(2026, 10, 30, hour, 46));
      expect(formatDateTime(instant, 'fr', 'UTC')).toBe(`30 nov. 2026, ${hour} h 46`);
    }
  });

  it('keep English as it was: "8:46 a.m."', () => {
    expect(formatTime('08:46', 'en')).toBe('8:46 a.m.');
    expect(formatDateTime(new Date(Date.UTC(2026, 10, 30, 13, 46)), 'en', 'America/Toronto')).toBe('Nov 30, 2026, 8:46 a.m.');
  });
});

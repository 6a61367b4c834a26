import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, RICH_TEXT_MAX_CHARS, RICH_TEXT_MAX_ITEMS, toRichText } from '../../src/notion/rich-text.js';

const contents = (text: string) => toRichText(text).map((item) => item.text.content);

describe('toRichText', () => {
  it('keeps short text in one item and empty text in none', () => {
    expect(contents('Technum Québec')).toEqual(['Technum Québec']);
    expect(toRichText('')).toEqual([]);
  });

  it('splits text longer than 2,000 characters, preferring word boundaries', () => {
    const text = 'semi-conducteurs '.repeat(300);
    const parts = contents(text);
    expect(parts.length).toBe(3);
    expect(parts.every((part) => part.length <= RICH_TEXT_MAX_CHARS)).toBe(true);
    expect(parts.join('')).toBe(text);
    expect(parts[0]!.endsWith(' ')).toBe(true);
  });

  it('never separates the two halves of a character outside the basic plane', () => {
    const text = `${'a'.repeat(1999)}😀${'b'.repeat(10)}`;
    const parts = contents(text);
    expect(parts.join('')).toBe(text);
    expect(parts[0]).toBe('a'.repeat(1999));
  });

  it('round-trips any text within the size Notion accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 6000 }), (text) => {
        const items = toRichText(text);
        expect(items.every((item) => item.text.content.length <= RICH_TEXT_MAX_CHARS && item.text.content.length > 0)).toBe(true);
        expect(plainText(items)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts text beyond 100 items, marking the cut', () => {
    const items = toRichText('x'.repeat(RICH_TEXT_MAX_CHARS * RICH_TEXT_MAX_ITEMS + 10));
    expect(items).toHaveLength(RICH_TEXT_MAX_ITEMS);
    expect(items.at(-1)!.text.content.endsWith('…')).toBe(true);
    expect(items.at(-1)!.text.content.length).toBeLessThanOrEqual(RICH_TEXT_MAX_CHARS);
  });
});

import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/domain/slug.js';
import { hasInvisibleCharacters, normalize, transliterate, withoutInvisibleCharacters } from '../../src/domain/text.js';

const INVISIBLE = {
  'soft hyphen': '\u00AD',
  'zero-width space': '\u200B',
  'zero-width non-joiner': '\u200C',
  'zero-width joiner': '\u200D',
  'left-to-right mark': '\u200E',
  'right-to-left mark': '\u200F',
  'left-to-right embedding': '\u202A',
  'right-to-left override': '\u202E',
  'word joiner': '\u2060',
  'invisible separator': '\u2063',
  'invisible plus': '\u2064',
  'left-to-right isolate': '\u2066',
  'pop directional isolate': '\u2069',
  'byte-order mark': '\uFEFF',
  'Arabic letter mark': '\u061C',
};

describe('invisible and text-direction characters', () => {
  it.each(Object.entries(INVISIBLE))('finds a %s inside a name', (_name, character) => {
    expect(hasInvisibleCharacters(`C${character}2MI`)).toBe(true);
    expect(withoutInvisibleCharacters(`C${character}2MI`)).toBe('C2MI');
  });

  it('leaves visible text alone: accents, apostrophes, dashes, non-Latin scripts, emoji', () => {
    for (const text of ['Université de Sherbrooke', 'Centre d’innovation', 'Nord–Sud — forum', 'Αθήνα', '東京', 'Forum 🚀', 'C2MI']) {
      expect(hasInvisibleCharacters(text)).toBe(false);
      expect(withoutInvisibleCharacters(text)).toBe(text);
    }
  });

  it('compares names as they look: C, zero-width space, 2MI normalises like C2MI', () => {
    expect(normalize('C\u200B2MI')).toBe(normalize('C2MI'));
    expect(normalize('Uni\u00ADversité de Sher\u2060brooke')).toBe('universite de sherbrooke');
    expect(normalize('\u202EIMS2C')).toBe('ims2c');
  });
});

describe('transliteration and look-alikes', () => {
  it.each([
    ["main-d'œuvre", 'main-d-oeuvre'],
    ['Æsir Ørsted', 'aesir-orsted'],
    ['Straße', 'strasse'],
    ['Łukasz', 'lukasz'],
    ['Đorđe', 'dorde'],
    ['Þór', 'thor'],
    ['李明', 'liming'],
    ['Наталья', 'natal-ya'],
  ])('gives %s the record ID %s', (name, id) => {
    expect(slugify(name)).toBe(id);
  });

  it('folds ligatures the same way for matching, so oe and œ meet', () => {
    expect(normalize('Main-d’œuvre')).toBe(normalize("main-d'oeuvre"));
    expect(normalize('Cœurderoy')).toBe('coeurderoy');
  });

  it('reads fullwidth and Cyrillic look-alikes as the Latin name, but not in IDs', () => {
    expect(normalize('Ｃ２ＭＩ')).toBe('c2mi');
    expect(normalize('С2МІ')).toBe('c2mi');
    expect(normalize('Сorridor')).toBe(normalize('Corridor'));
    expect(transliterate('Сorridor')).toBe('sorridor');
    expect(normalize('НАТАЛЬЯ')).toBe(normalize('Наталья'));
  });
});

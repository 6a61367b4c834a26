import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/domain/list-page.js';

describe('the page a list is asked for', () => {
  it('reads `page N` at the end, after the filter, in either language', () => {
    expect(readPage('nh page 2')).toEqual({ kind: 'page', page: 2, rest: 'nh' });
    expect(readPage('PAGE 3')).toEqual({ kind: 'page', page: 3, rest: '' });
    expect(readPage('  venture lab   page   12 ')).toEqual({ kind: 'page', page: 12, rest: 'venture lab' });
  });

  it('is the first page when none is named', () => {
    expect(readPage('nh')).toEqual({ kind: 'page', page: 1, rest: 'nh' });
    expect(readPage('')).toEqual({ kind: 'page', page: 1, rest: '' });
    // A word that merely holds "page" is no page number.
    expect(readPage('homepage')).toEqual({ kind: 'page', page: 1, rest: 'homepage' });
  });

  it('takes a page number that is none for what it is, to be answered politely', () => {
    for (const typed of ['page', 'page 0', 'page two', 'page -1', 'page 2.5', 'page 99999999']) {
      expect(readPage(`nh ${typed}`)).toMatchObject({ kind: 'invalid', rest: 'nh' });
    }
  });
});

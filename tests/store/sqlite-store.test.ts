// Facts of the SQLite store alone; what every store does is in store-contract.test.ts.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, UnsupportedDatabaseError } from '../../src/store/database-errors.js';
import { openSqliteStore, sqlitePathFromUrl } from '../../src/store/open-store.js';
import { tempStores } from '../support/temp-stores.js';

const { open, databaseUrl } = tempStores('sqlite');

describe('the SQLite file', () => {
  it('is created with the folders leading to it', async () => {
    const url = await databaseUrl(join('nested', 'deeper', 'corridor.sqlite'));
    const store = await open(url);
    expect(store.kind).toBe('sqlite');
    expect(existsSync(sqlitePathFromUrl(url))).toBe(true);
  });
});

describe('DATABASE_URL', () => {
  it('accepts sqlite:, file: and bare paths', () => {
    expect(sqlitePathFromUrl('sqlite:./data/x.sqlite')).toBe('./data/x.sqlite');
    expect(sqlitePathFromUrl('file:/tmp/x.db')).toBe('/tmp/x.db');
    expect(sqlitePathFromUrl('sqlite::memory:')).toBe(':memory:');
    expect(sqlitePathFromUrl('/var/lib/corridor.db')).toBe('/var/lib/corridor.db');
  });

  it('names what it does not support', () => {
    expect(() => sqlitePathFromUrl('postgres://db/corridor')).toThrow(UnsupportedDatabaseError);
    expect(() => sqlitePathFromUrl('postgres://db/corridor')).toThrow(/postgres/);
    expect(() => sqlitePathFromUrl('sqlite:')).toThrow(UnsupportedDatabaseError);
  });

  it('names the setting when the file cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-open-'));
    try {
      const notADatabase = join(dir, 'notes.txt');
      writeFileSync(notADatabase, 'not a database, but long enough to have a header of sorts: '.repeat(4));
      await expect(openSqliteStore(`sqlite:${notADatabase}`)).rejects.toThrow(DatabaseOpenError);
      await expect(openSqliteStore(`sqlite:${dir}`)).rejects.toThrow(/^DATABASE_URL: .* is a directory, not a database file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

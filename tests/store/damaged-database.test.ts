import { existsSync, openSync, closeSync, statSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../src/store/database-errors.js';
import { openSqliteStore, sqlitePathFromUrl } from '../../src/store/open-store.js';
import { cleanEnv, runCli } from '../support/run-cli.js';
import { tempStores } from '../support/temp-stores.js';

const { open, databaseUrl } = tempStores('damaged');

/** A real store file, closed (its WAL folded back in), then garbage written over `length` bytes at `offset`. */
async function damagedStore(where: (size: number) => { offset: number; length: number }): Promise<string> {
  const url = await databaseUrl();
  const store = await open(url);
  await store.partners.list();
  await store.close();
  const path = sqlitePathFromUrl(url);
  expect(existsSync(`${path}-wal`)).toBe(false);
  const { offset, length } = where(statSync(path).size);
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 'garbage '), 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return url;
}

const middlePages = (size: number) => ({ offset: Math.floor(size * 0.3), length: Math.floor(size * 0.4) });

describe('a database file with damaged pages', () => {
  it('is refused at open with one line naming DATABASE_URL, in both languages', async () => {
    const url = await damagedStore(middlePages);
    const error = await openSqliteStore(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    const { text } = error as DatabaseOpenError;
    expect(text.en).toBe(
      `DATABASE_URL: the database file ${sqlitePathFromUrl(url)} is damaged; restore it from a backup, or move it away to start an empty one`,
    );
    expect(text.fr).toMatch(/^DATABASE_URL\u00a0: le fichier de base de données .* est endommagé\u00a0;/);
    expect(`${text.en}${text.fr}`).not.toContain('\n');
  });

  it('is refused when its header is garbage too (not a database any more)', async () => {
    const url = await damagedStore(() => ({ offset: 0, length: 100 }));
    await expect(openSqliteStore(url)).rejects.toThrow(/^DATABASE_URL: the database file .* is damaged/);
  });

  it('stops `npm start` with that line and exit code 1', async () => {
    const url = await damagedStore(middlePages);
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ DATABASE_URL: url }) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^corridor-bot: DATABASE_URL: the database file .* is damaged;/)]);
  });

  it('leaves an intact file alone', async () => {
    const url = await databaseUrl();
    await (await open(url)).close();
    expect(await (await open(url)).partners.list()).not.toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { dropFreshDatabases, freshPostgresUrl } from './postgres.js';

export type StoreKind = CorridorStore['kind'];

/**
 * Stores a test file opens, closed after each test, and their databases (files in temporary
 * folders, or PostgreSQL databases) deleted then. Call once at the top of the file, before its
 * own afterEach hooks, so that those (stopping schedulers, say) run before the stores close.
 * `kind` chooses what `open()` and `databaseUrl()` give when no URL is passed.
 */
export function tempStores(prefix: string, kind: StoreKind = 'sqlite') {
  const opened: CorridorStore[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    await dropFreshDatabases();
  });
  const databaseUrl = async (relativePath = 'corridor.sqlite'): Promise<string> => {
    if (kind === 'postgres') return freshPostgresUrl(prefix);
    const dir = mkdtempSync(join(tmpdir(), `corridor-${prefix}-`));
    dirs.push(dir);
    return `sqlite:${join(dir, relativePath)}`;
  };
  return {
    kind,
    /** Opens (migrating and seeding) a store that is closed after the test: a new empty database by default. */
    async open(url?: string): Promise<CorridorStore> {
      const store = await openStore(url ?? (kind === 'postgres' ? await databaseUrl() : 'sqlite::memory:'));
      opened.push(store);
      return store;
    },
    /** A database of its own: a `sqlite:` URL to a file (under `relativePath`) in a folder of its own, or a new PostgreSQL database. */
    databaseUrl,
  };
}

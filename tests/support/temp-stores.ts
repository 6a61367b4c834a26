import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';

/**
 * Stores a test file opens, closed after each test, and database files in temporary folders
 * deleted then. Call once at the top of the file, before its own afterEach hooks, so that those
 * (stopping schedulers, say) run before the stores close.
 */
export function tempStores(prefix: string) {
  const opened: SqliteCorridorStore[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** Opens (migrating and seeding) a store that is closed after the test. */
    async open(url = 'sqlite::memory:'): Promise<SqliteCorridorStore> {
      const store = await openSqliteStore(url);
      opened.push(store);
      return store;
    },
    /** A `sqlite:` URL to a file, under `relativePath`, in a folder of its own. */
    databaseUrl(relativePath = 'corridor.sqlite'): string {
      const dir = mkdtempSync(join(tmpdir(), `corridor-${prefix}-`));
      dirs.push(dir);
      return `sqlite:${join(dir, relativePath)}`;
    },
  };
}

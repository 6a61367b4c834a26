import type { Config } from '../config/env.js';
import type { NotionSyncAccess } from '../jobs/notion-sync.js';
import type { CorridorStore } from '../store/repository.js';
import type { HomeTabs } from './home-tabs.js';
import type { UserLanguages } from './user-lang.js';

/** What listeners need, built once at start-up. */
export interface SlackDeps {
  config: Config;
  store: CorridorStore;
  userLanguages: UserLanguages;
  home: HomeTabs;
  /** Injected clock, so tests and listeners agree on "now". */
  clock?: () => Date;
  /** The Notion sync, for `/corridor sync`. */
  notion?: NotionSyncAccess;
}

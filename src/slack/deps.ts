import type { Config } from '../config/env.js';
import type { NotionSyncAccess } from '../jobs/notion-sync.js';
import type { CorridorStore } from '../store/repository.js';
import type { UserLanguages } from './user-lang.js';

/** What listeners need, built once at start-up. */
export interface SlackDeps {
  config: Config;
  store: CorridorStore;
  userLanguages: UserLanguages;
  /** The Notion sync, for `/corridor sync`. */
  notion?: NotionSyncAccess;
}

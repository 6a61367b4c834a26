import type { WebClient } from '@slack/web-api';
import type { Config } from '../config/env.js';
import type { NotionSyncAccess } from '../notion/sync-access.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { HomeTabs } from './home-tabs.js';
import type { InstallingOrganisation } from './installation.js';
import type { SharedChannels } from './shared-channels.js';
import type { UnknownPayloads } from './unknown-payloads.js';
import type { UserLanguages } from './user-lang.js';

/** What listeners need, built once at start-up. */
export interface SlackDeps {
  config: Config;
  store: CorridorStore;
  userLanguages: UserLanguages;
  /** The organisation that installed the app: its users get the internal view. */
  installation: InstallingOrganisation;
  /** Channels shared with other organisations, kept fresh by channel_shared / channel_unshared. */
  channels: SharedChannels;
  home: HomeTabs;
  /** Injected clock, so tests and listeners agree on "now". */
  clock?: () => Date;
  /** The Notion sync, for `/corridor sync`. */
  notion?: NotionSyncAccess;
  /** Opens modals from slash commands within the trigger's 3 s (see slack-clients.ts). */
  modalClient: WebClient;
  /** Payloads no listener understands, logged once per kind. */
  unknown: UnknownPayloads;
}

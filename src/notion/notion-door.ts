import type { Config } from '../config/env.js';
import type { BilingualText } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { notionClientFromConfig, type NotionConnection, type TransportOptions } from './client.js';
import { NotionIdError, parseNotionId } from './ids.js';
import type { NotionDatabaseIds } from './sync-types.js';

/**
 * Notion's one front door: whether it is configured, the database IDs parsed once, and the
 * client. The sync, the webhook and `/corridor sync` all come in through here.
 */

export type NotionSettings = Pick<
  Config,
  'NOTION_TOKEN' | 'NOTION_BASE_URL' | 'NOTION_PARTNERS_DATABASE_ID' | 'NOTION_ACTIONS_DATABASE_ID' | 'NOTION_MAX_RPS'
> &
  Partial<Pick<Config, 'CORRIDOR_TZ' | 'NOTION_WEBHOOK_VERIFICATION_TOKEN' | 'NOTION_PEOPLE_DATABASE_ID' | 'NOTION_EVENTS_DATABASE_ID'>>;

const REQUIRED = ['NOTION_TOKEN', 'NOTION_PARTNERS_DATABASE_ID', 'NOTION_ACTIONS_DATABASE_ID'] as const;

/** The settings still missing for the sync to run (empty when Notion is configured). */
export function missingNotionSettings(config: NotionSettings): string[] {
  return REQUIRED.filter((name) => !config[name]);
}

/** Whether the Notion sync can run; the schedule, the webhook and `/corridor sync` are off otherwise. */
export function notionConfigured(config: NotionSettings): boolean {
  return missingNotionSettings(config).length === 0;
}

/** One line saying what to set, in both languages. */
export function notConfiguredMessage(config: NotionSettings): BilingualText {
  const missing = missingNotionSettings(config).join(', ');
  return bothLanguages((words) => words.notion.errors.notConfigured(missing));
}

export type ParsedDatabases = { databases: NotionDatabaseIds } | { problem: BilingualText };

/** The database IDs (or URLs) of the settings, in Notion's dashed form; the People and Events databases' are optional. */
export function parseDatabaseIds(config: NotionSettings): ParsedDatabases {
  if (!notionConfigured(config)) return { problem: notConfiguredMessage(config) };
  try {
    const people = config.NOTION_PEOPLE_DATABASE_ID;
    const events = config.NOTION_EVENTS_DATABASE_ID;
    return {
      databases: {
        partners: parseNotionId(config.NOTION_PARTNERS_DATABASE_ID!, 'NOTION_PARTNERS_DATABASE_ID'),
        actions: parseNotionId(config.NOTION_ACTIONS_DATABASE_ID!, 'NOTION_ACTIONS_DATABASE_ID'),
        ...(people ? { people: parseNotionId(people, 'NOTION_PEOPLE_DATABASE_ID') } : {}),
        ...(events ? { events: parseNotionId(events, 'NOTION_EVENTS_DATABASE_ID') } : {}),
      },
    };
  } catch (error) {
    if (!(error instanceof NotionIdError)) throw error;
    return { problem: bothLanguages((words) => words.notion.errors.badId(error.what)) };
  }
}

export type NotionDoor =
  | { ready: false; problem: BilingualText }
  | { ready: true; databases: NotionDatabaseIds; connection: NotionConnection };

export interface NotionDoorOptions {
  /** A ready client (tests, bench); built from the settings otherwise. */
  connection?: NotionConnection;
  /** Transport settings (time-outs, back-off, clock) for a client built from the settings. */
  transport?: Partial<TransportOptions>;
}

/** Notion, ready to use, or the one line saying what to set. */
export function openNotion(config: NotionSettings, options: NotionDoorOptions = {}): NotionDoor {
  const parsed = parseDatabaseIds(config);
  if ('problem' in parsed) return { ready: false, problem: parsed.problem };
  const connection = options.connection ?? notionClientFromConfig(config, options.transport);
  return { ready: true, databases: parsed.databases, connection };
}

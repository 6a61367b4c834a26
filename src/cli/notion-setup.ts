/** `npm run notion:setup -- --parent <page ID or URL> [--lang fr|en]`: creates the four databases. */
import { APIErrorCode, APIResponseError, UnknownHTTPResponseError } from '@notionhq/client';
import { loadConfig } from '../config/env.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue } from '../i18n/index.js';
import { NotionNotAnsweringError, type UnansweredKind } from '../notion/circuit-breaker.js';
import { notionClientFromConfig, NotionTransportError } from '../notion/client.js';
import { NotionIdError, parseNotionId } from '../notion/ids.js';
import { createCorridorDatabases, ParentPageNotFoundError } from '../notion/setup.js';
import { openStore } from '../store/open-store.js';
import { CliError, option, runCli } from './cli-support.js';

await runCli(async (lang) => {
  const argv = process.argv.slice(2);
  const config = loadConfig();
  const words = catalogue(lang).notion;
  const parent = option(argv, 'parent');
  if (!parent) throw new CliError(bothLanguages((w) => w.notion.errors.usageSetup));
  let parentPageId: string;
  try {
    parentPageId = parseNotionId(parent, '--parent');
  } catch (error) {
    if (error instanceof NotionIdError) throw new CliError(bothLanguages((w) => w.notion.errors.badId('--parent')));
    throw error;
  }
  if (!config.NOTION_TOKEN) throw new CliError(bothLanguages((w) => w.notion.errors.notConfigured('NOTION_TOKEN')));
  const store = await openStore(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX });
  const tracks = await store.listTracks();
  await store.close();
  const { client } = notionClientFromConfig(config);
  try {
    const created = await createCorridorDatabases({ notion: client, parentPageId, lang, tracks });
    process.stdout.write(
      [
        words.setup.created(created.partners.title, created.partners.url),
        words.setup.created(created.actions.title, created.actions.url),
        words.setup.created(created.people.title, created.people.url),
        words.setup.created(created.events.title, created.events.url),
        words.setup.addToEnv,
        `NOTION_PARTNERS_DATABASE_ID=${created.partners.databaseId}`,
        `NOTION_ACTIONS_DATABASE_ID=${created.actions.databaseId}`,
        `NOTION_PEOPLE_DATABASE_ID=${created.people.databaseId}`,
        `NOTION_EVENTS_DATABASE_ID=${created.events.databaseId}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof ParentPageNotFoundError) throw new CliError(bothLanguages((w) => w.notion.errors.parentNotFound));
    if (APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.Unauthorized) throw new CliError(bothLanguages((w) => w.notion.errors.unauthorized));
    const kind = unansweredKind(error);
    if (kind) throw new CliError(bothLanguages((w) => w.notion.errors.setupNotAnswering(w.notion.errors.noAnswer[kind])));
    throw error;
  }
}, { langOption: true });

/** Notion unreachable, hanging or failing on its side: the user can only check the address and retry. */
function unansweredKind(error: unknown): UnansweredKind | undefined {
  if (error instanceof NotionTransportError || error instanceof NotionNotAnsweringError) return error.kind;
  if (APIResponseError.isAPIResponseError(error) && error.status >= 500) return 'server_error';
  if (UnknownHTTPResponseError.isUnknownHTTPResponseError(error) && error.status >= 500) return 'server_error';
  return undefined;
}

import { loadConfig } from '../config/env.js';
import { langFromLocale } from '../i18n/index.js';
import { checkNotionAtStartup, notionSyncAccess, scheduleNotionSync } from '../jobs/notion-sync.js';
import { createSlackApp } from '../slack/app.js';
import { openStore } from '../store/open-store.js';
import { SqliteNotionLinks } from '../store/sqlite/sqlite-notion-links.js';
import { runConsole } from './console.js';
import { runCli } from './exit.js';

/** `npm start`: the Slack app when credentials are set, otherwise the local console. */
await runCli(async () => {
  const config = loadConfig();
  const store = await openStore(config.DATABASE_URL);
  const links = new SqliteNotionLinks(store.db);
  const notion = notionSyncAccess({ config, store, links });
  if (config.slackMode === 'console') {
    await runConsole({ store, config, input: process.stdin, output: process.stdout, lang: langFromLocale(process.env.LANG), notion });
    await store.close();
    return 0;
  }
  const slack = createSlackApp(config, store, { notion });
  const port = await slack.start().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  slack.app.logger.info(
    port === undefined ? 'corridor-bot connected to Slack (Socket Mode)' : `corridor-bot listening on port ${port} at /slack/events`,
  );
  // The Notion sync: its schema checked once now (a problem is logged, the app still starts), then on schedule.
  void checkNotionAtStartup({ config, links }).then((problem) => {
    if (problem) slack.app.logger.warn(`Notion sync: ${problem.en}`);
  });
  const stopNotionSync = scheduleNotionSync(config, notion, {
    info: (message) => slack.app.logger.info(message),
    warn: (message) => slack.app.logger.warn(message),
    error: (message, data) => slack.app.logger.error(message, data ?? ''),
  });
  await untilSignal();
  stopNotionSync?.();
  await slack.stop();
  await store.close();
  return 0;
});

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

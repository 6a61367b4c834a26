import { loadConfig } from '../config/env.js';
import { langFromLocale } from '../i18n/index.js';
import { createSlackApp } from '../slack/app.js';
import { openStore } from '../store/open-store.js';
import { runConsole } from './console.js';
import { runCli } from './exit.js';

/** `npm start`: the Slack app when credentials are set, otherwise the local console. */
await runCli(async () => {
  const config = loadConfig();
  const store = await openStore(config.DATABASE_URL);
  if (config.slackMode === 'console') {
    await runConsole({ store, config, input: process.stdin, output: process.stdout, lang: langFromLocale(process.env.LANG) });
    await store.close();
    return 0;
  }
  const slack = createSlackApp(config, store);
  const port = await slack.start().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  slack.app.logger.info(
    port === undefined ? 'corridor-bot connected to Slack (Socket Mode)' : `corridor-bot listening on port ${port} at /slack/events`,
  );
  await untilSignal();
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

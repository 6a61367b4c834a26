/**
 * `npm run sync`: one Notion sync, its summary on stdout; exit code 1 if anything failed. When
 * Notion stops answering, one line on stderr instead (what was done, what is left) and exit code 1.
 */
import { loadConfig } from '../config/env.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { notConfiguredMessage, notionConfigured, runNotionSyncJob } from '../jobs/notion-sync.js';
import { renderSyncSummaryText, syncFailed } from '../notion/sync-summary.js';
import { peopleFromConfig } from '../slack/people-directory.js';
import { openStore } from '../store/open-store.js';
import { CliError, runCli } from './cli-support.js';

await runCli(async (lang) => {
  const argv = process.argv.slice(2);
  const config = loadConfig();
  if (!notionConfigured(config)) {
    throw new CliError(notConfiguredMessage(config));
  }
  const store = await openStore(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX });
  try {
    const verbose = argv.includes('--verbose');
    // The sync engine's log lines are shared with the running server (Bolt's logger) and stay in English;
    // the summary below and the errors runCli prints follow the CLI's language.
    const log = (level: string) => (message: string, data?: Record<string, unknown>) => {
      if (verbose || level !== 'info') process.stderr.write(`${level}: ${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
    };
    const people = peopleFromConfig(config);
    const summary = await runNotionSyncJob({
      config,
      store,
      ...(people ? { people } : {}),
      logger: { info: log('info'), warn: verbose ? log('warn') : () => {}, error: log('error') },
    });
    // Notion stopped answering: one line saying so, what was done and what is left; exit 1.
    const reason = summary.interrupted ? summary.aborted : null;
    if (reason) throw new CliError(bothLanguages((words, lang) => words.notion.summary.aborted(reason[lang])));
    process.stdout.write(`${renderSyncSummaryText(summary, lang)}\n`);
    return syncFailed(summary) ? 1 : 0;
  } finally {
    await store.close();
  }
}, { langOption: true });

import { loadConfig } from '../config/env.js';
import { checkNotionAtStartup, notionSyncAccess, partnerNotionUrls, scheduleNotionSync } from '../jobs/notion-sync.js';
import { scheduleCorridorJobs } from '../jobs/schedule-jobs.js';
import { createLogger } from '../ops/logger.js';
import { knownSecrets } from '../ops/redact.js';
import { createSlackApp } from '../slack/app.js';
import { peopleFromConfig } from '../slack/people-directory.js';
import { openStore } from '../store/open-store.js';
import { runConsole } from './console.js';
import { runCli } from './cli-support.js';
import { installProcessGuards, outputClosed } from './process-guards.js';
import { shutDown } from './shutdown.js';
import { botShutdownSteps, SHUTDOWN_DEADLINE_MS } from './shutdown-steps.js';

installProcessGuards();

/** `npm start`: the Slack app when credentials are set, otherwise the local console. */
await runCli(async (lang) => {
  const config = loadConfig();
  const store = await openStore(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX });
  const people = peopleFromConfig(config);
  const notion = notionSyncAccess({ config, store, ...(people ? { people } : {}) });
  if (config.slackMode === 'console') {
    await runConsole({ store, config, input: process.stdin, output: process.stdout, lang, notion });
    await store.close();
    return 0;
  }
  const logger = createLogger({ format: config.LOG_FORMAT, secrets: knownSecrets(config), onOutputClosed: outputClosed });
  const slack = createSlackApp(config, store, { notion, logger });
  const port = await slack.start().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // The running server's log lines go through Bolt's logger and stay in English.
  slack.app.logger.info(
    config.slackMode === 'socket'
      ? `corridor-bot connected to Slack (Socket Mode); /healthz, /readyz and /metrics on port ${port}`
      : `corridor-bot listening on port ${port} at /slack/events`,
  );
  const scheduler = config.CORRIDOR_CHANNEL
    ? scheduleCorridorJobs({ config, store, logger: slack.app.logger, notionUrlFor: partnerNotionUrls(config, store.notionLinks), channels: slack.channels })
    : undefined;
  if (scheduler) {
    slack.app.logger.info(
      `Reminders (${config.REMINDER_CRON}), digests (${config.DIGEST_CRON}), event reminders (${config.EVENT_REMINDER_CRON}), the monthly report (${config.REPORT_CRON}) and personal nudges by direct message (${config.NUDGE_CRON}) scheduled in ${config.CORRIDOR_TZ} for ${config.CORRIDOR_CHANNEL}`,
    );
  } else {
    slack.app.logger.warn('CORRIDOR_CHANNEL is not set: reminders, digests, event reminders, the monthly report and personal nudges are not scheduled (set it to a channel ID such as C0123456789)');
  }
  // The Notion sync: its schema checked once now (a problem is logged, the app still starts), then on schedule.
  void checkNotionAtStartup({ config, links: store.notionLinks }).then((problem) => {
    if (problem) slack.app.logger.warn(`Notion sync: ${problem.en}`);
  });
  const stopNotionSync = scheduleNotionSync(config, notion, {
    info: (message) => slack.app.logger.info(message),
    warn: (message) => slack.app.logger.warn(message),
    error: (message, data) => slack.app.logger.error(message, data ?? ''),
  });
  await untilSignal();
  await shutDown(botShutdownSteps({ slack, store, scheduler, stopNotionSync }), {
    deadlineMs: SHUTDOWN_DEADLINE_MS,
    log: (line) => slack.app.logger.warn(line),
  });
  return 0;
});

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    // `on`, not `once`: a second signal during shutdown must not kill the process mid-way.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}

import { parseConfig, type Config } from '../../src/config/env.js';
import { createSlackApp, type CorridorApp, type SlackAppOptions } from '../../src/slack/app.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { silentLogger } from './silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from './slack-api-emulator.js';
import { interactionBody, postSigned, slashCommandBody, type SignedPostResponse, type SlashCommandFields } from './slack-signing.js';

export const SIGNING_SECRET = 'corridor-test-signing-secret';
export const BOT_TOKEN = 'xoxb-corridor-test';
export const ADMIN_ID = 'U0ADMIN';

export interface RunningCorridorApp {
  config: Config;
  store: CorridorStore;
  slack: SlackApiEmulator;
  corridor: CorridorApp;
  eventsUrl: string;
  /** Sends a signed `/corridor <text>` as Slack would. */
  command(text: string, fields?: SlashCommandFields): Promise<SignedPostResponse>;
  /** Sends a signed interaction payload (block_actions, view_submission…). */
  interaction(payload: object): Promise<SignedPostResponse>;
  /** Sends a signed Events API callback (app_home_opened…), as JSON. */
  event(payload: object): Promise<SignedPostResponse>;
  close(): Promise<void>;
}

/**
 * The real app on a loopback port, its Web API client pointed at the emulator, on a fresh
 * seeded store: what Slack would talk to, minus Slack.
 */
export async function startCorridorApp(
  env: Record<string, string> = {},
  store?: CorridorStore,
  options: Pick<SlackAppOptions, 'notion' | 'logger'> = {},
): Promise<RunningCorridorApp> {
  const slack = await startSlackApiEmulator({ botToken: BOT_TOKEN, botUserId: 'U0BOT' });
  // The coordinator is a user of the installing workspace: users.info knows them (unknown users get the public view).
  slack.setUser({ id: ADMIN_ID });
  const config = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    PORT: '0',
    CORRIDOR_ADMINS: ADMIN_ID,
    CORRIDOR_CHANNEL: 'C0CORRIDOR',
    ...env,
  });
  const corridorStore = store ?? (await openSqliteStore('sqlite::memory:'));
  const corridor = createSlackApp(config, corridorStore, { logger: silentLogger(), ...options });
  const port = await corridor.start();
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  return {
    config,
    store: corridorStore,
    slack,
    corridor,
    eventsUrl,
    command: (text, fields = {}) =>
      postSigned(eventsUrl, slashCommandBody({ response_url: slack.responseUrl, ...fields, text }), { signingSecret: SIGNING_SECRET }),
    interaction: (payload) => postSigned(eventsUrl, interactionBody(payload), { signingSecret: SIGNING_SECRET }),
    event: (payload) => postSigned(eventsUrl, JSON.stringify(payload), { signingSecret: SIGNING_SECRET, contentType: 'application/json' }),
    close: async () => {
      await corridor.stop();
      await slack.close();
      await corridorStore.close();
    },
  };
}

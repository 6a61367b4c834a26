import { parseConfig, type Config } from '../../src/config/env.js';
import { createSlackApp, type CorridorApp, type SlackAppOptions } from '../../src/slack/app.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { silentLogger } from './silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from './slack-api-emulator.js';
import { startSocketModeSlack, type SocketModeSlack } from './socket-mode-slack.js';
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
  const launched = await launch(slack, { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', ...env }, store, options);
  const eventsUrl = `http://127.0.0.1:${launched.port}/slack/events`;
  return {
    ...launched,
    slack,
    eventsUrl,
    command: (text, fields = {}) =>
      postSigned(eventsUrl, slashCommandBody({ response_url: slack.responseUrl, ...fields, text }), { signingSecret: SIGNING_SECRET }),
    interaction: (payload) => postSigned(eventsUrl, interactionBody(payload), { signingSecret: SIGNING_SECRET }),
    event: (payload) => postSigned(eventsUrl, JSON.stringify(payload), { signingSecret: SIGNING_SECRET, contentType: 'application/json' }),
    close: async () => {
      await launched.corridor.stop();
      await slack.close();
      await launched.store.close();
    },
  };
}

/** Starts the app against the emulator, as the coordinator's workspace, on the given store or a fresh seeded one. */
async function launch(slack: SlackApiEmulator, env: Record<string, string>, store: CorridorStore | undefined, options: Pick<SlackAppOptions, 'notion' | 'logger'>) {
  // The coordinator is a user of the installing workspace: users.info knows them (unknown users get the public view).
  slack.setUser({ id: ADMIN_ID });
  const config = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.url,
    CORRIDOR_ADMINS: ADMIN_ID,
    CORRIDOR_CHANNEL: 'C0CORRIDOR',
    ...env,
  });
  const corridorStore = store ?? (await openSqliteStore('sqlite::memory:'));
  const corridor = createSlackApp(config, corridorStore, { logger: silentLogger(), ...options });
  const port = await corridor.start();
  return { config, store: corridorStore, corridor, port };
}

export const APP_TOKEN = 'xapp-1-A0CORRIDOR-1-corridor-test';

export interface RunningSocketCorridorApp {
  config: Config;
  store: CorridorStore;
  slack: SlackApiEmulator;
  /** Slack's end of the WebSocket the app opened. */
  socket: SocketModeSlack;
  corridor: CorridorApp;
  /** http://127.0.0.1:<HEALTH_PORT> */
  healthUrl: string;
  close(): Promise<void>;
}

/**
 * The real app in Socket Mode: apps.connections.open on the Slack API emulator hands it the URL of a
 * local WebSocket standing in for Slack's, over which the test delivers envelopes.
 */
export async function startSocketCorridorApp(
  env: Record<string, string> = {},
  store?: CorridorStore,
  options: Pick<SlackAppOptions, 'notion' | 'logger'> = {},
): Promise<RunningSocketCorridorApp> {
  const slack = await startSlackApiEmulator({ botToken: BOT_TOKEN, botUserId: 'U0BOT', appToken: APP_TOKEN });
  const socket = await startSocketModeSlack();
  slack.setSocketModeUrl(socket.url);
  const launched = await launch(slack, { SLACK_APP_TOKEN: APP_TOKEN, HEALTH_PORT: '0', ...env }, store, options);
  await socket.connected();
  return {
    ...launched,
    slack,
    socket,
    healthUrl: `http://127.0.0.1:${launched.port}`,
    close: async () => {
      await launched.corridor.stop();
      await socket.close();
      await slack.close();
      await launched.store.close();
    },
  };
}

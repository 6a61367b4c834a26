import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { Config } from '../config/env.js';
import type { CorridorStore } from '../store/repository.js';
import { registerListeners } from './listeners/index.js';
import { UserLanguages } from './user-lang.js';

export interface CorridorApp {
  app: App;
  /** Starts receiving; resolves with the HTTP port (undefined in Socket Mode). */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
}

export interface SlackAppOptions {
  logger?: Logger;
  logLevel?: LogLevel;
}

/** Builds the Bolt app: HTTP receiver on PORT (/slack/events), or Socket Mode with an app token. */
export function createSlackApp(config: Config, store: CorridorStore, options: SlackAppOptions = {}): CorridorApp {
  const common = {
    token: config.SLACK_BOT_TOKEN,
    clientOptions: config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {},
    logLevel: options.logLevel ?? LogLevel.INFO,
    ...(options.logger ? { logger: options.logger } : {}),
  };
  const app =
    config.slackMode === 'socket'
      ? new App({ ...common, appToken: config.SLACK_APP_TOKEN, socketMode: true })
      : new App({ ...common, signingSecret: config.SLACK_SIGNING_SECRET!, port: config.PORT });
  registerListeners(app, { config, store, userLanguages: new UserLanguages(app.client) });
  app.error(async (error) => {
    app.logger.error('Unhandled error in a listener:', error);
  });
  return {
    app,
    start: async () => {
      const started: unknown = await app.start(config.PORT);
      return config.slackMode === 'http' ? ((started as Server).address() as AddressInfo).port : undefined;
    },
    stop: async () => {
      await app.stop();
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

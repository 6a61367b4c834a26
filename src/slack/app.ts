import { App, LogLevel } from '@slack/bolt';
import type { Config } from '../config/env.js';
import type { CorridorStore } from '../store/repository.js';
import { registerListeners } from './listeners/index.js';
import { UserLanguages } from './user-lang.js';

export interface CorridorApp {
  app: App;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Bolt app: HTTP receiver on PORT (/slack/events), or Socket Mode with an app token. */
export function createSlackApp(config: Config, store: CorridorStore, logLevel = LogLevel.INFO): CorridorApp {
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {};
  const app =
    config.slackMode === 'socket'
      ? new App({ token: config.SLACK_BOT_TOKEN, appToken: config.SLACK_APP_TOKEN, socketMode: true, clientOptions, logLevel })
      : new App({
          token: config.SLACK_BOT_TOKEN,
          signingSecret: config.SLACK_SIGNING_SECRET!,
          port: config.PORT,
          clientOptions,
          logLevel,
        });
  registerListeners(app, { config, store, userLanguages: new UserLanguages(app.client) });
  app.error(async (error) => {
    app.logger.error('Unhandled error in a listener:', error);
  });
  return {
    app,
    start: async () => {
      await app.start(config.PORT);
    },
    stop: async () => {
      await app.stop();
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

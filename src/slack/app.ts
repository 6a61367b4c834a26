import { App, LogLevel } from '@slack/bolt';
import type { Config } from '../config/env.js';
import type { CorridorStore } from '../store/repository.js';
import { HomeTabs } from './home-tabs.js';
import { InFlight } from './in-flight.js';
import { registerListeners } from './listeners/index.js';
import { UserLanguages } from './user-lang.js';

export interface CorridorApp {
  app: App;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every request received so far is fully handled (work after the ack included). */
  idle(): Promise<void>;
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
  const inFlight = new InFlight();
  app.use(inFlight.middleware);
  const userLanguages = new UserLanguages(app.client);
  const home = new HomeTabs({ store, config, userLanguages });
  registerListeners(app, { config, store, userLanguages, home });
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
      await inFlight.idle();
    },
    idle: () => inFlight.idle(),
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

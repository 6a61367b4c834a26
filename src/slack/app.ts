import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { Config } from '../config/env.js';
import { routesBesideSlack, type HttpRouteOptions } from '../http/routes.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { HomeTabs } from './home-tabs.js';
import { InFlight } from './in-flight.js';
import { InstallingOrganisation } from './installation.js';
import { registerListeners } from './listeners/index.js';
import { markFailed } from './receiver/request-record.js';
import { GuardedReceiver } from './receiver/guarded-receiver.js';
import { GuardedSocketReceiver } from './receiver/guarded-socket-receiver.js';
import { apiClientOptions, modalClient } from './slack-clients.js';
import { SharedChannels } from './shared-channels.js';
import { checkSlackReachable, portError } from './start-checks.js';
import { UnknownPayloads } from './unknown-payloads.js';
import { UserLanguages } from './user-lang.js';

export interface CorridorApp {
  app: App;
  /** Starts receiving; resolves with the HTTP port: PORT's, or HEALTH_PORT's in Socket Mode. */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
  /** Resolves once every request received so far is fully handled (work after the ack included). */
  idle(): Promise<void>;
  /** How many requests are still being handled. */
  running(): number;
  /** Which channels are shared with other organisations: scheduled posts there use the public view. */
  channels: SharedChannels;
}

export { SlackCredentialsError } from './start-checks.js';

/** Bolt's logging, and what the routes beside Slack's need (the Notion sync serves `/corridor sync` too). */
export interface SlackAppOptions extends HttpRouteOptions {
  logger?: Logger;
  logLevel?: LogLevel;
}

/** Builds the Bolt app: HTTP receiver on PORT (/slack/events), or Socket Mode with an app token. */
export function createSlackApp(config: Config, store: CorridorStore, options: SlackAppOptions = {}): CorridorApp {
  const logger = options.logger;
  const unknown = new UnknownPayloads();
  const { app, listeningPort } = boltApp(config, store, options, unknown);
  const inFlight = new InFlight();
  inFlight.watch(app);
  const userLanguages = new UserLanguages(app.client);
  const installation = new InstallingOrganisation(app.client);
  const channels = new SharedChannels(app.client);
  const home = new HomeTabs({ store, config, userLanguages, installation });
  const modals = modalClient(config, logger);
  registerListeners(app, { config, store, userLanguages, installation, channels, home, notion: options.notion, modalClient: modals, unknown });
  // Statuses the Notion sync brings back change Home tabs too, whether the sync ran on schedule or on /corridor sync.
  options.notion?.onPulled((changes) =>
    home.refreshActions(
      app.client,
      changes.filter((change) => change.entity === 'action').map((change) => change.recordId),
      app.logger,
    ),
  );
  // Bolt hands a listener's error here rather than to the receiver: the only place that sees it.
  app.error(async ({ error, context }: { error: Error; context: Record<string, unknown> }) => {
    markFailed(context);
    app.logger.error('Unhandled error in a listener:', error);
  });
  return {
    app,
    start: async () => {
      await checkSlackReachable(config);
      await app.init();
      // Known before the first request, so no request waits for it (a failure is tried again then).
      await installation.get();
      const started: unknown = await app.start(config.PORT).catch((error: unknown) => {
        throw config.slackMode === 'http' ? portError(error, 'PORT', config.PORT) : portError(error, 'HEALTH_PORT', healthPort(config));
      });
      return config.slackMode === 'http' ? ((started as Server).address() as AddressInfo).port : listeningPort();
    },
    stop: async () => {
      await app.stop();
      await inFlight.idle();
    },
    idle: () => inFlight.idle(),
    running: () => inFlight.size,
    channels,
  };
}

/** Bolt's App over the HTTP receiver or Socket Mode, each guarded and tracked alike, with the routes served beside Slack's. */
function boltApp(config: Config, store: CorridorStore, options: SlackAppOptions, unknown: UnknownPayloads): { app: App; listeningPort(): number | undefined } {
  const logger = options.logger;
  const common = {
    token: config.SLACK_BOT_TOKEN,
    clientOptions: apiClientOptions(config),
    logLevel: options.logLevel ?? LogLevel.INFO,
    // Initialise in start() so a refused token is an error we can report, not an unhandled rejection.
    deferInitialization: true,
    // The app keeps no per-conversation state: skip Bolt's in-memory conversation store on every request.
    convoStore: false as const,
    // The error handler gets the request's context, to mark the request as failed for the metrics.
    extendedErrorHandler: true,
    ...(logger ? { logger } : {}),
  };
  // /healthz, /readyz, /metrics, the calendars and /notion/webhooks: beside /slack/events, or in Socket Mode on HEALTH_PORT.
  const customRoutes = routesBesideSlack(config, store, options, (): Logger => app.logger);
  const guard = {
    unknown,
    firstDelivery: (eventId: string) => store.coordination.firstDelivery(`event:${eventId}`, new Date()),
    ...(logger ? { logger } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
  };
  if (config.slackMode === 'socket') {
    const receiver = new GuardedSocketReceiver({
      ...guard,
      appToken: config.SLACK_APP_TOKEN!,
      clientOptions: apiClientOptions(config),
      port: healthPort(config),
      customRoutes,
    });
    const app: App = new App({ ...common, socketMode: true, receiver });
    return { app, listeningPort: () => receiver.healthPort };
  }
  // Bolt's HTTP receiver, guarded against bodies that would crash it (see GuardedReceiver).
  const receiver = new GuardedReceiver({ ...guard, signingSecret: config.SLACK_SIGNING_SECRET!, port: config.PORT, customRoutes });
  const app: App = new App({ ...common, receiver });
  return { app, listeningPort: () => undefined };
}

/** In Socket Mode the routes beside Slack's listen on HEALTH_PORT, or PORT when it is not set: a probe always has an answer. */
function healthPort(config: Config): number {
  return config.HEALTH_PORT ?? config.PORT;
}

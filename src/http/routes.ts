import type { CustomRoute, Logger } from '@slack/bolt';
import type { Config } from '../config/env.js';
import type { NotionSyncAccess } from '../notion/sync-access.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { calendarRoutes } from './calendar-routes.js';
import { healthRoutes } from './health-routes.js';
import { notionWebhookRoute } from './notion-webhook-route.js';

export interface HttpRouteOptions {
  /** The Notion sync, which applies Notion's webhook events. */
  notion?: NotionSyncAccess;
}

/** /healthz, /readyz, /metrics, the calendars and /notion/webhooks: the routes served beside Slack's. */
export function routesBesideSlack(config: Config, store: CorridorStore, options: HttpRouteOptions, logger: () => Logger): CustomRoute[] {
  return [
    ...healthRoutes(store),
    ...calendarRoutes(config, store),
    notionWebhookRoute({ verificationToken: config.NOTION_WEBHOOK_VERIFICATION_TOKEN, notion: options.notion, logger }),
  ];
}

import cron from 'node-cron';
import type { Config } from '../config/env.js';
import type { BilingualText } from '../domain/types.js';
import type { NotionConnection, TransportOptions } from '../notion/client.js';
import { notionPageUrl } from '../notion/ids.js';
import {
  notConfiguredMessage,
  notionConfigured,
  openNotion,
  parseDatabaseIds,
  type NotionDoor,
  type NotionSettings,
} from '../notion/notion-door.js';
import { PageEvents } from '../notion/page-events.js';
import { abortReason, checkNotionDatabases, runSyncEngine, silentLogger, type PeopleDirectory, type SyncLogger, type SyncOptions } from '../notion/sync-engine.js';
import type { NotionWebhookEvent, WebhookOutcome } from '../notion/webhook-events.js';
import {
  alreadyRunningText,
  emptySummary,
  renderSyncSummaryText,
  syncFailed,
  type PulledChange,
  type SyncSummary,
} from '../notion/sync-summary.js';
import { metrics } from '../ops/metrics.js';
import { REPLICA_ID } from '../ops/process-identity.js';
import type { NotionLinks } from '../store/notion-links.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { NotionSyncAccess, SyncStart } from '../notion/sync-access.js';
import { takeSyncLease } from './sync-lease.js';

export { missingNotionSettings, notConfiguredMessage, notionConfigured, type NotionSettings } from '../notion/notion-door.js';

export interface NotionSyncJobDeps {
  config: NotionSettings;
  store: CorridorStore;
  /** Defaults to `store.notionLinks`. */
  links?: NotionLinks;
  clock?: () => Date;
  logger?: SyncLogger;
  /** A ready client (tests, bench); built from the config otherwise. */
  connection?: NotionConnection;
  /** Transport settings (time-outs, back-off, clock) for a client built from the config. */
  transport?: Partial<TransportOptions>;
  options?: SyncOptions;
  /** Slack users by e-mail, for action item owners set in Notion. */
  people?: PeopleDirectory;
  /** Called once a run is over, before it resolves (joined calls included). */
  afterRun?: (summary: SyncSummary) => Promise<void>;
  /** This process among the replicas (REPLICA_ID); tests stand for two processes with two IDs. */
  replicaId?: string;
  /** The shared lease's TTL and renewal period (60 s, every 15 s). */
  lease?: { ttlMs?: number; renewEveryMs?: number };
}

const running = new WeakMap<CorridorStore, Promise<SyncStart>>();

/**
 * Starts one Notion sync unless one is running: a call made while this process syncs the same
 * store joins that run; while another replica syncs (it holds the shared lease), the call is
 * refused with who runs it. Resolves once that is decided, before the sync itself is over.
 */
export function startNotionSync(deps: NotionSyncJobDeps): Promise<SyncStart> {
  const current = running.get(deps.store);
  if (current) return current;
  const start = beginSync(deps);
  running.set(deps.store, start);
  const forget = () => {
    running.delete(deps.store);
  };
  start.then((started) => (started.status === 'started' ? started.done : undefined)).then(forget, forget);
  return start;
}

/**
 * Runs one Notion sync and returns its summary; never throws for Notion's or the settings'
 * sake (the summary's `aborted` says why it could not run, `alreadyRunning` that another did).
 */
export async function runNotionSyncJob(deps: NotionSyncJobDeps): Promise<SyncSummary> {
  const started = await startNotionSync(deps);
  return started.status === 'started' ? started.done : started.summary;
}

async function beginSync(deps: NotionSyncJobDeps): Promise<SyncStart> {
  const clock = deps.clock ?? (() => new Date());
  const startedAt = performance.now();
  const observe = (summary: SyncSummary): SyncSummary => {
    metrics.syncSeconds.observe({ outcome: syncOutcome(summary) }, (performance.now() - startedAt) / 1000);
    return summary;
  };
  const lease = await takeSyncLease(deps.store.coordination, {
    replicaId: deps.replicaId ?? REPLICA_ID,
    now: clock,
    ...deps.lease,
    ...(deps.logger ? { warn: deps.logger.warn.bind(deps.logger) } : {}),
  });
  if ('busy' in lease) {
    deps.logger?.info('Notion sync not started: another one is running', { ...lease.busy });
    const summary = observe({ ...emptySummary(clock()), alreadyRunning: lease.busy });
    return { status: 'busy', running: lease.busy, summary };
  }
  const done = syncOnce(deps, () => lease.held.lost)
    .finally(() => lease.held.release())
    .then(async (summary) => {
      observe(summary);
      await deps.afterRun?.(summary);
      return summary;
    });
  return { status: 'started', done };
}

function syncOutcome(summary: SyncSummary): 'ok' | 'failed' | 'aborted' | 'busy' {
  if (summary.alreadyRunning) return 'busy';
  if (summary.aborted) return 'aborted';
  return syncFailed(summary) ? 'failed' : 'ok';
}

/** One run; it stops before its next record once `leaseLost` says another replica took the lease over. */
async function syncOnce(deps: NotionSyncJobDeps, leaseLost: () => boolean): Promise<SyncSummary> {
  const clock = deps.clock ?? (() => new Date());
  const door = openNotion(deps.config, deps);
  if (!door.ready) return aborted(clock(), door.problem);
  const { connection, databases } = door;
  // A connection kept from an earlier run (tests, bench) starts this one with a closed breaker.
  connection.breaker.reset();
  return runSyncEngine({
    store: deps.store,
    notion: connection.client,
    databases,
    links: deps.links ?? deps.store.notionLinks,
    clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.people ? { people: deps.people } : {}),
    options: { ...(deps.config.CORRIDOR_TZ ? { timeZone: deps.config.CORRIDOR_TZ } : {}), ...deps.options },
    requestCount: () => connection.stats.requests,
    breaker: connection.breaker,
    leaseLost,
  });
}

function aborted(now: Date, reason: BilingualText): SyncSummary {
  return { ...emptySummary(now), aborted: reason };
}

export function notionSyncAccess(deps: NotionSyncJobDeps): NotionSyncAccess {
  const listeners: ((changes: readonly PulledChange[]) => Promise<void>)[] = [];
  const tellListeners = async (summary: SyncSummary) => {
    if (summary.pulled.length === 0) return;
    for (const listener of listeners) {
      await listener(summary.pulled).catch((error: unknown) => {
        deps.logger?.warn('after the Notion sync', { error: error instanceof Error ? error.message : String(error) });
      });
    }
  };
  // Webhook events have a connection of their own: a breaker tripped by a sync run (or by an
  // event) must not keep the other from trying again.
  const door = openNotion(deps.config, deps);
  const pageEvents = door.ready ? pageEventsOf(deps, door) : undefined;
  return {
    configured: notionConfigured(deps.config),
    notConfigured: notConfiguredMessage(deps.config),
    run: () => runNotionSyncJob({ ...deps, afterRun: tellListeners }),
    start: () => startNotionSync({ ...deps, afterRun: tellListeners }),
    onPulled: (listener) => {
      listeners.push(listener);
    },
    applyEvent: async (event: NotionWebhookEvent): Promise<WebhookOutcome> => {
      if (!door.ready || !pageEvents) return 'ignored';
      // Each event is a run of its own: it starts with a closed breaker.
      door.connection.breaker.reset();
      const { outcome, summary } = await pageEvents.apply(event);
      await tellListeners(summary);
      return outcome;
    },
  };
}

function pageEventsOf(deps: NotionSyncJobDeps, door: Extract<NotionDoor, { ready: true }>): PageEvents {
  return new PageEvents({
    store: deps.store,
    notion: door.connection.client,
    databases: door.databases,
    clock: deps.clock ?? (() => new Date()),
    logger: deps.logger ?? silentLogger,
    ...(deps.people ? { people: deps.people } : {}),
    timeZone: deps.config.CORRIDOR_TZ ?? 'America/Toronto',
  });
}

/**
 * Runs the sync on NOTION_SYNC_CRON (in the corridor's time zone) when Notion is configured;
 * returns a function that stops the schedule, or undefined when there is nothing to schedule.
 */
export function scheduleNotionSync(
  config: NotionSettings & Pick<Config, 'NOTION_SYNC_CRON' | 'CORRIDOR_TZ'>,
  access: NotionSyncAccess,
  logger: SyncLogger,
): (() => void) | undefined {
  if (!access.configured) return undefined;
  const task = cron.schedule(
    config.NOTION_SYNC_CRON,
    async () => {
      try {
        const summary = await access.run();
        if (summary.alreadyRunning) {
          // Another replica is syncing: this tick just says so.
          logger.info(`Notion sync skipped: ${alreadyRunningText(summary.alreadyRunning, 'en')}`);
          return;
        }
        const log = syncFailed(summary) ? logger.warn : logger.info;
        log.call(logger, renderSyncSummaryText(summary, 'en').replace(/\n/g, ' | '));
      } catch (error) {
        logger.error('scheduled Notion sync failed', { error: error instanceof Error ? error.message : String(error) });
      }
    },
    { timezone: config.CORRIDOR_TZ, noOverlap: true, name: 'notion-sync' },
  );
  return () => {
    void task.stop();
  };
}

/**
 * Checks the two databases' schema once (at start-up): returns what is wrong in one line per
 * language, or null when the sync can run. Not configured is not a problem here: the sync is off.
 */
export async function checkNotionAtStartup(
  deps: Pick<NotionSyncJobDeps, 'config' | 'connection' | 'transport'> & { links: NotionLinks },
): Promise<BilingualText | null> {
  if (!notionConfigured(deps.config)) return null;
  const door = openNotion(deps.config, deps);
  if (!door.ready) return door.problem;
  try {
    await checkNotionDatabases({ notion: door.connection.client, databases: door.databases, links: deps.links });
    return null;
  } catch (error) {
    return abortReason(error);
  }
}

/**
 * The Notion page of a partner once the sync has made one (and it is not in the trash), for the
 * reminder's *Open in Notion* button; undefined otherwise.
 */
export function partnerNotionUrls(config: NotionSettings, links: NotionLinks): (partnerId: string) => Promise<string | undefined> {
  const parsed = parseDatabaseIds(config);
  return async (partnerId) => {
    if ('problem' in parsed) return undefined;
    const dataSourceId = await links.dataSourceOf(parsed.databases.partners);
    const link = dataSourceId ? await links.get(dataSourceId, 'partner', partnerId) : undefined;
    return link && !link.archived ? notionPageUrl(link.pageId) : undefined;
  };
}

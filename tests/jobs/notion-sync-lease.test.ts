import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notionSyncAccess, runNotionSyncJob, scheduleNotionSync, startNotionSync, type NotionSyncJobDeps } from '../../src/jobs/notion-sync.js';
import { parseHolder, SYNC_LEASE } from '../../src/jobs/sync-lease.js';
import type { SyncSummary } from '../../src/notion/sync-summary.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { ADMIN_ID } from '../support/corridor-app.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';
import { tempStores } from '../support/temp-stores.js';

const stores = tempStores('notion-lease');
let fixture: NotionFixture;
/** Two replicas: two stores on one SQLite file, each with its own replica ID. */
let first: CorridorStore;
let second: CorridorStore;

beforeEach(async () => {
  fixture = await notionFixture({ transport: { timeoutMs: 1500 } });
  const url = await stores.databaseUrl();
  first = await stores.open(url);
  second = await stores.open(url);
});

afterEach(async () => {
  await fixture.close();
});

const deps = (store: CorridorStore, replicaId: string): NotionSyncJobDeps => ({
  config: fixture.config,
  store,
  connection: fixture.connection,
  replicaId,
  // Short, so that the test sees renewals: the held sync outlives several TTLs.
  lease: { ttlMs: 300, renewEveryMs: 50 },
});
const A = 'replica-a:101:aaaaaa';
const B = 'replica-b:202:bbbbbb';

/** Holds replica A's sync: Notion does not answer its first two attempts until the time-out. */
async function holdFirstSync(): Promise<{ done: Promise<SyncSummary> }> {
  fixture.emulator.failNext({ kind: 'hang' }, 2);
  const started = await startNotionSync(deps(first, A));
  if (started.status !== 'started') throw new Error('the first sync should start');
  // Wrapped, or awaiting this function would await the whole sync.
  return { done: started.done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one Notion sync at a time across replicas', () => {
  it('refuses a second sync while another replica holds the lease, past its TTL thanks to renewals, and allows one after', async () => {
    const { done: held } = await holdFirstSync();
    await sleep(600);
    const refused = await runNotionSyncJob(deps(second, B));
    expect(refused.alreadyRunning?.replica).toBe(A);
    expect(Date.parse(refused.alreadyRunning!.since!)).toBeLessThanOrEqual(Date.now());
    expect(refused.aborted).toBeNull();

    const done = await held;
    expect(done.counts.partner.created).toBe(12);
    expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
    // Released at the end: the other replica may sync now.
    expect(await first.coordination.leaseHolder(SYNC_LEASE, new Date())).toBeUndefined();
    const after = await runNotionSyncJob(deps(second, B));
    expect(after.alreadyRunning).toBeNull();
    expect(after.counts.partner.unchanged).toBe(12);
  });

  it('answers /corridor sync on the other replica that a sync is already running, in both languages', async () => {
    const { done: held } = await holdFirstSync();
    const notion = notionSyncAccess(deps(second, B));
    const ask = async (lang: 'fr' | 'en') =>
      (await runCorridorCommand({ text: 'sync', userId: ADMIN_ID, lang, audience: 'internal', store: second, timeZone: 'America/Toronto', admins: [ADMIN_ID], notion }))!;
    const en = await ask('en');
    expect(en.text).toMatch(/^A Notion sync is already running on replica-a:101:aaaaaa \(since \d{4}-\d\d-\d\d \d\d:\d\d UTC\); this one was not started\.$/);
    const fr = await ask('fr');
    expect(fr.text).toMatch(/^Une synchronisation Notion est déjà en cours sur replica-a:101:aaaaaa \(depuis .* UTC\)\u00a0; celle-ci n’a pas été lancée\.$/);
    await held;
    // Only replica A's sync wrote to Notion.
    expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
  });

  it('has the scheduled run on the other replica log and skip', async () => {
    const { done: held } = await holdFirstSync();
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
    const stop = scheduleNotionSync({ ...fixture.config, NOTION_SYNC_CRON: '* * * * * *', CORRIDOR_TZ: 'America/Toronto' }, notionSyncAccess(deps(second, B)), logger);
    try {
      for (let tries = 0; tries < 100 && lines.length === 0; tries += 1) await sleep(25);
    } finally {
      stop!();
    }
    expect(lines[0]).toMatch(/^info Notion sync skipped: A Notion sync is already running on replica-a:101:aaaaaa/);
    await held;
  });

  it('joins a sync already running in the same process instead of asking for the lease again', async () => {
    const { done: held } = await holdFirstSync();
    const joined = await startNotionSync(deps(first, A));
    expect(joined.status).toBe('started');
    expect(joined.status === 'started' ? await joined.done : undefined).toBe(await held);
  });

  it('takes over at once a lease left by a process of this host that is gone', async () => {
    // A pid that is not running (beyond Linux's default pid_max).
    const gone = `${A.split(':')[0]}:4194305:cccccc#1@2025-04-17T12:00:00.000Z`;
    const self = `${gone.split(':')[0]}:${process.pid}:dddddd`;
    expect(await first.coordination.acquireLease(SYNC_LEASE, gone, 60_000, new Date())).toBe(true);
    const summary = await runNotionSyncJob({ ...deps(second, B), replicaId: self });
    expect(summary.alreadyRunning).toBeNull();
    expect(summary.counts.partner.created).toBe(12);
  });

  it('stops a sync whose lease another replica took over, so only that one writes to Notion', async () => {
    // Replica A stalls on its first request to Notion, past its lease's TTL…
    fixture.emulator.failNext({ kind: 'hang' }, 1);
    const startedA = await startNotionSync(deps(first, A));
    if (startedA.status !== 'started') throw new Error('the first sync should start');
    for (let tries = 0; tries < 200 && fixture.emulator.requests.length === 0; tries += 1) await sleep(10);
    // …so its lease lapses, and replica B's sync takes it (B stalls on its first request too, holding it).
    const holderA = (await second.coordination.leaseHolder(SYNC_LEASE, new Date()))!;
    expect(parseHolder(holderA).replica).toBe(A);
    await second.coordination.releaseLease(SYNC_LEASE, holderA);
    fixture.emulator.failNext({ kind: 'hang' }, 1);
    const startedB = await startNotionSync(deps(second, B));
    if (startedB.status !== 'started') throw new Error('the second sync should start');

    const [a, b] = await Promise.all([startedA.done, startedB.done]);
    expect(a.aborted?.en).toMatch(/^another replica took over the sync while this one had done 0 of 13 records; this one stopped/);
    expect(a.aborted?.fr).toContain('une autre réplique a repris la synchronisation');
    expect(a.counts.partner.created).toBe(0);
    expect(b.aborted).toBeNull();
    expect(b.counts.partner.created).toBe(12);
    // One page per partner: A wrote none.
    expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
    // A left B's lease alone; B released it at its end.
    expect(await first.coordination.leaseHolder(SYNC_LEASE, new Date())).toBeUndefined();
  });

  it('reads where and since when from the lease holder', () => {
    expect(parseHolder('host:12:abcdef#3@2025-04-17T12:00:00.000Z')).toEqual({ replica: 'host:12:abcdef', since: '2025-04-17T12:00:00.000Z' });
    expect(parseHolder('something else')).toEqual({ replica: 'something else', since: null });
  });
});

import { APIResponseError } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotionClient, NotionTransportError, retryAfterMs, type NotionConnection } from '../../src/notion/client.js';
import { metrics } from '../../src/ops/metrics.js';
import { createCorridorDatabases } from '../../src/notion/setup.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { virtualClock } from '../support/notion-fixture.js';
import { startNotionEmulator, type NotionEmulator } from '../support/notion-emulator.js';

let emulator: NotionEmulator;
let clock: ReturnType<typeof virtualClock>;
let connection: NotionConnection;
let databaseId: string;
let dataSourceId: string;

beforeEach(async () => {
  emulator = await startNotionEmulator();
  clock = virtualClock();
  connection = createNotionClient({ token: emulator.token, baseUrl: emulator.url, maxRps: 5, clock, timeoutMs: 2000, baseDelayMs: 50, random: () => 0.5 });
  const created = await createCorridorDatabases({ notion: connection.client, parentPageId: emulator.addWorkspacePage('Corridor'), lang: 'en', tracks: seedTracks });
  databaseId = created.partners.databaseId;
  dataSourceId = created.partners.dataSourceId;
  emulator.resetRequests();
  clock.slept.length = 0;
});

afterEach(async () => {
  await emulator.close();
});

const newPage = () =>
  connection.client.pages.create({
    parent: { data_source_id: dataSourceId },
    properties: { Name: { title: [{ text: { content: 'C2MI' } }] }, 'Corridor ID': { rich_text: [{ text: { content: 'c2mi' } }] } },
  });

describe('Notion client transport', () => {
  it('spaces requests evenly at NOTION_MAX_RPS', async () => {
    await connection.client.databases.retrieve({ database_id: databaseId });
    const start = clock.now();
    const sent = connection.stats.requests;
    for (let index = 0; index < 9; index += 1) await connection.client.databases.retrieve({ database_id: databaseId });
    // Ten requests at five a second: nine intervals of 200 ms after the first.
    expect(clock.now() - start).toBe(1800);
    expect(connection.stats.requests - sent).toBe(9);
  });

  it('keeps the pace when several requests are in flight', async () => {
    const start = clock.now();
    await Promise.all(Array.from({ length: 6 }, () => connection.client.databases.retrieve({ database_id: databaseId })));
    expect(clock.now() - start).toBeGreaterThanOrEqual(1000);
  });

  it('waits Retry-After on 429, then sends the request again', async () => {
    emulator.failNext({ kind: 'rate_limit', retryAfterSeconds: 2 });
    await connection.client.databases.retrieve({ database_id: databaseId });
    expect(emulator.requests.map((request) => request.status)).toEqual([429, 200]);
    expect(Math.max(...clock.slept)).toBeGreaterThanOrEqual(2000);
    expect(connection.stats.rateLimited).toBe(1);
  });

  it('counts requests by outcome and retries in the metrics', async () => {
    const count = async (outcome: string) => (await metrics.notionRequests.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
    const retries = async () => (await metrics.notionRetries.get()).values[0]?.value ?? 0;
    const before = { rateLimited: await count('rate_limited'), ok: await count('ok'), notFound: await count('client_error'), retries: await retries() };
    emulator.failNext({ kind: 'rate_limit', retryAfterSeconds: 1 });
    await connection.client.databases.retrieve({ database_id: databaseId });
    await connection.client.databases.retrieve({ database_id: '393abc1eedcd80f3813be205934558c6' }).catch(() => undefined);
    expect((await count('rate_limited')) - before.rateLimited).toBe(1);
    expect((await count('ok')) - before.ok).toBe(1);
    expect((await count('client_error')) - before.notFound).toBe(1);
    expect((await retries()) - before.retries).toBe(1);
  });

  it('answers 429 on a page creation by waiting too: Notion did not act on it', async () => {
    emulator.failNext({ kind: 'rate_limit', retryAfterSeconds: 1 });
    await newPage();
    expect(emulator.pagesOf(dataSourceId)).toHaveLength(1);
    expect(emulator.requests.map((request) => request.status)).toEqual([429, 200]);
  });

  it('retries 5xx answers with back-off when the request can be repeated', async () => {
    const page = await newPage();
    emulator.resetRequests();
    emulator.failNext({ kind: 'server_error' });
    emulator.failNext({ kind: 'bad_gateway' });
    await connection.client.pages.update({ page_id: page.id, in_trash: true });
    expect(emulator.requests.map((request) => request.status)).toEqual([500, 502, 200]);
    // Exponential back-off: 50 ms then 100 ms (jitter fixed at the middle).
    expect(clock.slept.filter((ms) => ms === 37.5 || ms === 75)).toEqual([37.5, 75]);

    emulator.failNext({ kind: 'bad_gateway' });
    await connection.client.dataSources.query({ data_source_id: dataSourceId });
    expect(emulator.requests.at(-1)!.status).toBe(200);
  });

  it('does not send a page creation twice on 5xx: the caller decides', async () => {
    emulator.failNext({ kind: 'server_error', phase: 'after' });
    await expect(newPage()).rejects.toBeInstanceOf(APIResponseError);
    expect(emulator.requests).toHaveLength(1);
    emulator.failNext({ kind: 'bad_gateway' });
    await expect(newPage()).rejects.toThrow('502');
  });

  it('gives a request that hangs up after the time limit and retries it when it can be repeated', async () => {
    connection = createNotionClient({ token: emulator.token, baseUrl: emulator.url, maxRps: 5, clock, timeoutMs: 200, baseDelayMs: 50, random: () => 0.5 });
    emulator.failNext({ kind: 'hang' });
    await connection.client.databases.retrieve({ database_id: databaseId });
    expect(connection.stats.timeouts).toBe(1);
    emulator.failNext({ kind: 'hang', phase: 'after' });
    const error = await newPage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotionTransportError);
    expect((error as NotionTransportError).kind).toBe('timeout');
  });

  it('gives up after the last attempt', async () => {
    emulator.failNext({ kind: 'server_error' }, 10);
    await expect(connection.client.databases.retrieve({ database_id: databaseId })).rejects.toBeInstanceOf(APIResponseError);
    expect(emulator.requests).toHaveLength(5);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(Date.now() + 60_000).toUTCString() }))).toBeGreaterThan(50_000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});

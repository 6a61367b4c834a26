import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreaker, NotionNotAnsweringError, routeOf } from '../../src/notion/circuit-breaker.js';
import { createNotionClient, type NotionConnection } from '../../src/notion/client.js';
import { createCorridorDatabases } from '../../src/notion/setup.js';
import { metrics } from '../../src/ops/metrics.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { startNotionEmulator, type NotionEmulator } from '../support/notion-emulator.js';
import { virtualClock } from '../support/notion-fixture.js';

const CREATE = routeOf('POST', '/v1/pages');
const QUERY = routeOf('POST', '/v1/data_sources/0c8a2b2e-7f39-4a8e-9a52-2f4c1e0d9b11/query');

describe('circuit breaker', () => {
  it('names a kind of request without its IDs', () => {
    expect(QUERY).toBe('POST /v1/data_sources/:id/query');
    expect(routeOf('patch', '/v1/pages/0c8a2b2e7f394a8e9a522f4c1e0d9b11')).toBe('PATCH /v1/pages/:id');
  });

  it('trips after three unanswered requests of one kind in a row, and then refuses every request', () => {
    const breaker = new CircuitBreaker(3);
    breaker.unanswered(CREATE, 'timeout');
    breaker.unanswered(CREATE, 'timeout');
    expect(() => breaker.check()).not.toThrow();
    breaker.unanswered(CREATE, 'timeout');
    expect(breaker.tripped).toBeInstanceOf(NotionNotAnsweringError);
    expect(breaker.tripped).toMatchObject({ kind: 'timeout', route: CREATE, count: 3 });
    expect(() => breaker.check()).toThrow(NotionNotAnsweringError);
    // An answer coming in late does not close it again: the run is stopping.
    breaker.answered(CREATE);
    expect(() => breaker.check()).toThrow(NotionNotAnsweringError);
    breaker.reset();
    expect(breaker.tripped).toBeNull();
    expect(() => breaker.check()).not.toThrow();
  });

  it('starts over when that kind of request gets an answer, but not when another kind does', () => {
    const breaker = new CircuitBreaker(3);
    breaker.unanswered(CREATE, 'timeout');
    breaker.unanswered(CREATE, 'timeout');
    breaker.answered(CREATE);
    breaker.unanswered(CREATE, 'network');
    breaker.unanswered(CREATE, 'network');
    expect(breaker.tripped).toBeNull();
    // Quick queries between hung creations do not hide that the creations never get through.
    breaker.answered(QUERY);
    breaker.unanswered(CREATE, 'network');
    expect(breaker.tripped).toMatchObject({ kind: 'network', count: 3 });
  });
});

describe('circuit breaker in the transport', () => {
  let emulator: NotionEmulator;
  let connection: NotionConnection;
  let dataSourceId: string;

  beforeEach(async () => {
    emulator = await startNotionEmulator();
    connection = createNotionClient({ token: emulator.token, baseUrl: emulator.url, maxRps: 50, clock: virtualClock(), timeoutMs: 150, baseDelayMs: 10, random: () => 0.5 });
    const created = await createCorridorDatabases({ notion: connection.client, parentPageId: emulator.addWorkspacePage('Corridor'), lang: 'en', tracks: seedTracks });
    dataSourceId = created.partners.dataSourceId;
    emulator.resetRequests();
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('sends nothing more once three attempts in a row timed out', async () => {
    const timeouts = async () => (await metrics.notionRequests.get()).values.find((value) => value.labels.outcome === 'timeout')?.value ?? 0;
    const before = await timeouts();
    emulator.failRandomly({ rate: 1, faults: [{ kind: 'hang' }] });
    const error = await connection.client.dataSources.query({ data_source_id: dataSourceId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotionNotAnsweringError);
    // Five attempts are allowed for a query; the breaker stopped it at the third.
    expect(emulator.requests).toHaveLength(3);
    const next = await connection.client.dataSources.retrieve({ data_source_id: dataSourceId }).catch((caught: unknown) => caught);
    expect(next).toBeInstanceOf(NotionNotAnsweringError);
    expect(emulator.requests).toHaveLength(3);
    expect((await timeouts()) - before).toBe(3);
  });

  it('counts a 5xx only once the retries are spent', async () => {
    emulator.failNext({ kind: 'server_error' }, 10);
    await expect(connection.client.dataSources.retrieve({ data_source_id: dataSourceId })).rejects.toThrow();
    expect(emulator.requests).toHaveLength(5);
    expect(connection.breaker.tripped).toBeNull();
    emulator.failNext({ kind: 'server_error' }, 10);
    await expect(connection.client.dataSources.retrieve({ data_source_id: dataSourceId })).rejects.toThrow();
    await expect(connection.client.dataSources.retrieve({ data_source_id: dataSourceId })).rejects.toThrow();
    expect(connection.breaker.tripped).toMatchObject({ kind: 'server_error', route: 'GET /v1/data_sources/:id' });
  });
});

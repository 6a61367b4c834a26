import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/env.js';
import { createSlackApp } from '../../src/slack/app.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';
import { BOT_TOKEN, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { silentLogger } from '../support/silent-logger.js';
import { startSlackApiEmulator } from '../support/slack-api-emulator.js';

/**
 * The store the app holds forwards every call to `current`, so a test can close the database
 * underneath the running app, then hand it a working one again, without restarting it.
 */
let current: SqliteCorridorStore;
let running: RunningCorridorApp;
let base: string;

beforeAll(async () => {
  current = await openSqliteStore('sqlite::memory:');
  const switchable = new Proxy(current, { get: (_target, key) => Reflect.get(current, key, current) });
  running = await startCorridorApp({}, switchable);
  base = running.eventsUrl.replace(/\/slack\/events$/, '');
});

afterAll(async () => {
  await running.close();
});

async function get(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('health endpoints beside /slack/events', () => {
  it('GET /healthz answers 200 while the process runs', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, text: 'ok\n' });
  });

  it('GET /readyz answers 200, 503 with a reason while the database is gone, then 200 again by itself', async () => {
    expect(await get('/readyz')).toMatchObject({ status: 200, text: 'ready\n' });

    const closed = current;
    await closed.close();
    const down = await get('/readyz');
    expect(down.status).toBe(503);
    expect(down.text).toMatch(/^database not ready: .+\n$/);
    expect(down.text.trim().split('\n')).toHaveLength(1);
    // Asked again, not remembered: still down while nothing changed.
    expect((await get('/readyz')).status).toBe(503);

    current = await openSqliteStore('sqlite::memory:');
    expect(await get('/readyz')).toMatchObject({ status: 200, text: 'ready\n' });
  });

  it('GET /readyz answers 503 when the database does not answer in time', async () => {
    const working = current;
    current = Object.assign(Object.create(working) as SqliteCorridorStore, { ping: () => new Promise<void>(() => {}) });
    try {
      const slow = await get('/readyz');
      expect(slow.status).toBe(503);
      expect(slow.text).toBe('database not ready: no answer within 1000 ms\n');
    } finally {
      current = working;
    }
  });

  it('GET /metrics answers Prometheus text with the corridor_ metrics', async () => {
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toMatch(/^# HELP corridor_slack_requests_total /m);
    expect(metrics.text).toMatch(/^# TYPE corridor_slack_ack_seconds histogram$/m);
    expect(metrics.text).toMatch(/^corridor_process_resident_memory_bytes \d+/m);
  });

  it('still verifies signatures on /slack/events', async () => {
    const response = await fetch(running.eventsUrl, { method: 'POST', body: 'command=%2Fcorridor&text=partners' });
    expect(response.status).toBe(401);
  });
});

describe('health endpoints in Socket Mode', () => {
  it.each([
    { on: 'HEALTH_PORT', variable: 'HEALTH_PORT' },
    // So a container probe always has something to ask.
    { on: 'PORT when HEALTH_PORT is not set', variable: 'PORT' },
  ])('listen on $on', async ({ variable }) => {
    const slack = await startSlackApiEmulator({ botToken: BOT_TOKEN, botUserId: 'U0BOT' });
    const port = await freePort();
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-corridor-test', SLACK_API_URL: slack.url, [variable]: String(port) });
    const corridor = createSlackApp(config, current, { logger: silentLogger() });
    try {
      // The emulator refuses this app token: the connection fails, and the health server listens all the same.
      await corridor.start().catch(() => undefined);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    } finally {
      await corridor.stop();
      await slack.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

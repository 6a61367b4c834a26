/**
 * `/corridor partners` through the signed HTTP receiver on PostgreSQL next to SQLite (a file), in
 * the same run with alternating rounds, and the throughput ratio. The PostgreSQL row is skipped,
 * with the reason, when no server can be started or the store cannot be opened.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config/env.js';
import { createSlackApp } from '../src/slack/app.js';
import { openSqliteStore, openStore } from '../src/store/open-store.js';
import type { CorridorStore } from '../src/store/corridor-store.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../tests/support/corridor-app.js';
import { silentLogger } from '../tests/support/silent-logger.js';
import { startSlackApiEmulator } from '../tests/support/slack-api-emulator.js';
import { benchDir } from './app-process.js';
import { startBenchPostgres, type BenchPostgres } from './postgres-server.js';
import { load, summarise, type Measure, type Sample } from './slash-command.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARM_UP = 200;
const ROUNDS = 5;

interface Contender {
  name: string;
  store: CorridorStore;
  eventsUrl: string;
  samples: Sample[];
  close(): Promise<void>;
}

async function contender(name: string, store: CorridorStore, slackApiUrl: string): Promise<Contender> {
  const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApiUrl, PORT: '0' });
  const corridor = createSlackApp(config, store, { logger: silentLogger() });
  const port = await corridor.start();
  return { name, store, eventsUrl: `http://127.0.0.1:${port}/slack/events`, samples: [], close: () => corridor.stop() };
}

/** Starts PostgreSQL and opens the store on it, or says why not. */
async function openPostgres(): Promise<{ server?: BenchPostgres; store?: CorridorStore; note?: string }> {
  let server: BenchPostgres | undefined;
  try {
    server = await startBenchPostgres();
    return { server, store: await openStore(server.url, { poolMax: 10 }) };
  } catch (error) {
    return { server, note: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

const row = (name: string, m: Measure) =>
  `  ${name.padEnd(26)} ${m.throughput.toFixed(0).padStart(6)} req/s   p50 ${m.p50.toFixed(2).padStart(6)} ms   p99 ${m.p99.toFixed(2).padStart(6)} ms`;

export async function benchStoreThroughput(): Promise<string[]> {
  const slack = await startSlackApiEmulator({ botToken: BOT_TOKEN, botUserId: 'U0BOT' });
  const dir = benchDir();
  const postgres = await openPostgres();
  const contenders: Contender[] = [];
  try {
    contenders.push(await contender('SQLite (file)', await openSqliteStore(`sqlite:${join(dir, 'corridor.sqlite')}`), slack.url));
    if (postgres.store) contenders.push(await contender('PostgreSQL', postgres.store, slack.url));
    for (const { eventsUrl } of contenders) await load(eventsUrl, WARM_UP);
    for (let round = 0; round < ROUNDS; round++) {
      for (const each of contenders) each.samples.push(await load(each.eventsUrl, REQUESTS / ROUNDS));
    }
    const [sqlite, pg] = contenders.map((each) => ({ name: each.name, measure: summarise(each.samples) }));
    return [
      `/corridor partners by database (${REQUESTS} requests each, ${ROUNDS} alternating rounds; PostgreSQL: ${postgres.server?.where ?? 'none'})`,
      row(sqlite!.name, sqlite!.measure),
      pg ? row(pg.name, pg.measure) : `  PostgreSQL                 skipped: ${postgres.note}`,
      ...(pg ? [`  throughput ratio PostgreSQL / SQLite ${(pg.measure.throughput / sqlite!.measure.throughput).toFixed(2)}×`] : []),
    ];
  } finally {
    for (const each of contenders) {
      await each.close();
      await each.store.close();
    }
    if (!contenders.some((each) => each.store === postgres.store)) await postgres.store?.close();
    await postgres.server?.stop();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchStoreThroughput()) console.log(line);
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { silentLogger } from '../tests/support/silent-logger.js';
import { startCorridorApp, BOT_TOKEN, SIGNING_SECRET } from '../tests/support/corridor-app.js';
import { postSigned, slashCommandBody } from '../tests/support/slack-signing.js';
import { runLoad } from './run-load.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
/** Slack sends a busy workspace's commands at once: 32 in flight here; 8 for the store comparison. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const STORE_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Enough for V8 to finish optimising both apps, whose compilation would otherwise count against the first rounds. */
const WARM_UP = 2000;
/** Rounds alternate between the two apps so drift in machine load hits both alike; short rounds, many of them. */
const ROUNDS = 10;

export interface Measure {
  throughput: number;
  p50: number;
  p99: number;
}

export interface Sample {
  seconds: number;
  latencies: number[];
}

/**
 * Signed `/corridor partners` requests with a fixed concurrency, each timed, sent by a load
 * generator in a process of its own: its work never shares the event loop of the app it measures.
 */
export async function load(url: string, requests: number, concurrency = STORE_CONCURRENCY): Promise<Sample> {
  const result = await runLoad(url, { requests, concurrency, text: 'partners' });
  if (result.failures > 0) throw new Error(`${result.failures} requests were not answered 200`);
  return { seconds: result.seconds, latencies: result.latencies };
}

export function summarise(samples: Sample[]): Measure {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((total, sample) => total + sample.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { throughput: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/**
 * The floor: a Bolt app on the same receiver that acknowledges with the very reply corridor-bot
 * gives, so that both send the same bytes and only the work behind them differs.
 */
async function startBareApp(slackApiUrl: string, reply: object): Promise<{ url: string; close: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger: silentLogger() });
  const app = new App({ receiver, token: BOT_TOKEN, logger: silentLogger(), clientOptions: { slackApiUrl } });
  app.command('/corridor', async ({ ack }) => {
    await ack(reply);
  });
  const server: Server = createServer(receiver.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * One round against one app, adding the CPU time this process spent meanwhile (both apps live in it,
 * and only the one being loaded has work) to `cpu[which]`, in microseconds.
 */
async function timedLoad<K extends string>(url: string, cpu: Record<K, number>, which: K): Promise<Sample> {
  const before = process.cpuUsage();
  const sample = await load(url, REQUESTS / ROUNDS, CONCURRENCY);
  const spent = process.cpuUsage(before);
  cpu[which] += spent.user + spent.system;
  return sample;
}

export async function benchSlashCommand(): Promise<string[]> {
  const corridor = await startCorridorApp();
  // The load generator's user for a single text is U0BENCH0: capture the reply that user gets.
  const captured = await corridor.command('partners', { user_id: 'U0BENCH0' });
  const bare = await startBareApp(corridor.slack.url, captured.json as object);
  try {
    const floorReply = await postSigned(bare.url, slashCommandBody({ text: 'partners', user_id: 'U0BENCH0' }), { signingSecret: SIGNING_SECRET });
    if (floorReply.text !== captured.text) throw new Error('the bare app does not send the reply corridor-bot sends');
    await load(corridor.eventsUrl, WARM_UP, CONCURRENCY);
    await load(bare.url, WARM_UP, CONCURRENCY);
    const appSamples: Sample[] = [];
    const floorSamples: Sample[] = [];
    const cpu = { app: 0, floor: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      appSamples.push(await timedLoad(corridor.eventsUrl, cpu, 'app'));
      floorSamples.push(await timedLoad(bare.url, cpu, 'floor'));
    }
    const app = summarise(appSamples);
    const floor = summarise(floorSamples);
    const perRequest = (microseconds: number) => (microseconds / REQUESTS).toFixed(0);
    const row = (name: string, m: Measure) =>
      `  ${name.padEnd(26)} ${m.throughput.toFixed(0).padStart(6)} req/s   p50 ${m.p50.toFixed(2).padStart(6)} ms   p99 ${m.p99.toFixed(2).padStart(6)} ms`;
    return [
      `/corridor partners through the signed HTTP receiver (${REQUESTS} requests each, ${CONCURRENCY} concurrent, ${ROUNDS} alternating rounds)`,
      row('corridor-bot', app),
      row('bare Bolt app (same reply)', floor),
      `  reply ${captured.text.length} bytes; throughput ratio ${(app.throughput / floor.throughput).toFixed(2)}× (goal ≥ 0.9×); p99 ${app.p99.toFixed(1)} ms (goal ≤ 50 ms)`,
      `  CPU per request ${perRequest(cpu.app)} µs / ${perRequest(cpu.floor)} µs (bare ÷ corridor-bot ${(cpu.floor / cpu.app).toFixed(2)}×): steadier than wall-clock time when other work shares the machine`,
    ];
  } finally {
    await bare.close();
    await corridor.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchSlashCommand()) console.log(line);
}

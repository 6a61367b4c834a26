/**
 * Resident memory of the compiled app (HTTP mode, SQLite file) after 10,000 `/corridor` commands
 * sent by a load generator in its own process, read from the app's own /metrics; then how long it
 * takes to stop on SIGTERM. Goals: RSS ≤ 100 MB; stopped within 10 s. Then the same on a corridor
 * at its realistic future size (2,000 partners, 5,000 action items, 1,000 events): RSS at most
 * 1.5 times what it is on the seed.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openStore } from '../src/store/open-store.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../tests/support/corridor-app.js';
import { insertAtScale, SCALE } from '../tests/support/scale-records.js';
import { startSlackApiEmulator } from '../tests/support/slack-api-emulator.js';
import { benchDir, benchEnv, exitOf, freePort, metricValue, requireBuild, startCompiled, until200 } from './app-process.js';
import { runLoad, type LoadResult } from './run-load.js';
import { summarise } from './slash-command.js';

const COMMANDS = Number(process.env.BENCH_MEMORY_COMMANDS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MB = 1024 * 1024;

async function memory(base: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return { rss: metricValue(text, 'corridor_process_resident_memory_bytes'), heap: metricValue(text, 'corridor_nodejs_heap_size_used_bytes') };
}

/** V8's young generation and old-space limit held small: what NODE_OPTIONS can do where memory is tight. */
export const SMALL_HEAP = '--max-semi-space-size=1 --max-old-space-size=64';

/** How long the answers took at the corridor's future size: the issue wants each under a second. */
function latencyLine(load: LoadResult): string {
  const { p50, p99 } = summarise([load]);
  return `    answers at that size: p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, slowest ${Math.max(...load.latencies).toFixed(0)} ms; goal < 1,000 ms`;
}

interface Measured {
  lines: string[];
  rss: number;
}

/** Fills the database file with a corridor at its future size before the app opens it. */
async function seedAtScale(dir: string): Promise<void> {
  const url = `sqlite:${join(dir, 'corridor.sqlite')}`;
  const store = await openStore(url);
  try {
    await insertAtScale(store, url);
  } finally {
    await store.close();
  }
}

async function measure(slackApiUrl: string, responseUrl: string, nodeOptions: string | undefined, atScale = false): Promise<Measured> {
  const dir = benchDir();
  if (atScale) await seedAtScale(dir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = benchEnv(dir, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApiUrl, PORT: String(port) });
  const app = startCompiled(dir, nodeOptions ? { ...env, NODE_OPTIONS: nodeOptions } : env);
  app.stdout.resume();
  app.stderr.resume();
  try {
    await until200(`${base}/readyz`, app);
    const atReady = await memory(base);
    const load = await runLoad(`${base}/slack/events`, { requests: COMMANDS, concurrency: CONCURRENCY, responseUrl });
    const after = await memory(base);
    const stopping = performance.now();
    app.kill('SIGTERM');
    const code = await exitOf(app);
    const stopMs = performance.now() - stopping;
    const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
    const lines = [
      `  ${nodeOptions ? `NODE_OPTIONS='${nodeOptions}'` : 'default Node settings'}${atScale ? `, at ${SCALE.partners} partners, ${SCALE.actions} action items, ${SCALE.events} events, ${SCALE.people} people` : ', on the seed'}`,
      `    RSS at ready ${mb(atReady.rss)} (heap used ${mb(atReady.heap)})`,
      `    RSS after ${load.requests} commands ${mb(after.rss)} (heap used ${mb(after.heap)}); goal ≤ 100 MB: ${after.rss <= 100 * MB ? 'met' : 'not met'}`,
      `    load: ${(load.requests / load.seconds).toFixed(0)} commands/s, ${load.failures} not answered 200`,
      ...(atScale ? [latencyLine(load)] : []),
      `    SIGTERM to exit ${stopMs.toFixed(0)} ms (exit code ${code}; goal ≤ 10,000 ms)`,
    ];
    return { lines, rss: after.rss };
  } finally {
    if (app.exitCode === null) app.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the app cannot go under: Node alone, and Node with the modules `npm start` loads, nothing started. */
function floors(): string {
  const dist = (path: string) => pathToFileURL(fileURLToPath(new URL(`../dist/src/${path}`, import.meta.url))).href;
  const modules = ['slack/app.js', 'jobs/schedule-jobs.js', 'jobs/notion-sync.js', 'store/open-store.js', 'ops/logger.js'].map(dist);
  const rss = (code: string) => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `${code}; console.log(process.memoryUsage().rss)`], { encoding: 'utf8' });
    return `${(Number(run.stdout.trim()) / MB).toFixed(1)} MB`;
  };
  const imports = modules.map((url) => `await import(${JSON.stringify(url)})`).join('; ');
  return `  floor: RSS of Node alone ${rss('')}; with the app's modules loaded, nothing started ${rss(imports)}`;
}

export async function benchMemory(): Promise<string[]> {
  requireBuild();
  const slack = await startSlackApiEmulator({ botToken: BOT_TOKEN, botUserId: 'U0BOT' });
  try {
    const seed = await measure(slack.url, slack.responseUrl, undefined);
    const small = await measure(slack.url, slack.responseUrl, SMALL_HEAP);
    const scale = await measure(slack.url, slack.responseUrl, undefined, true);
    const ratio = scale.rss / seed.rss;
    return [
      `Memory of the compiled app (HTTP, SQLite file): ${COMMANDS} /corridor commands, ${CONCURRENCY} concurrent, from a separate process`,
      floors(),
      ...seed.lines,
      ...small.lines,
      ...scale.lines,
      `    RSS at that size ${ratio.toFixed(2)}× the seed's; goal ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'not met'}`,
    ];
  } finally {
    await slack.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchMemory()) console.log(line);
}

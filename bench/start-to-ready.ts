/**
 * Start-to-ready: from spawning the compiled app to its first answer. Console: `printf
 * '/corridor pending\n' | node dist/src/cli/start.js` until the reply is printed. HTTP: with Slack
 * credentials (the Web API emulator answering auth.test) until GET /readyz answers 200. The first
 * start creates, migrates and seeds the database; the others reopen it, as a restart does.
 * Goal: ≤ 1 s.
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { catalogue } from '../src/i18n/index.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../tests/support/corridor-app.js';
import { startSlackApiEmulator } from '../tests/support/slack-api-emulator.js';
import { benchDir, benchEnv, exitOf, freePort, median, requireBuild, startCompiled, until200 } from './app-process.js';

const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 5);
/** The reply's header, as the console prints it (English: LANG=C). */
const PENDING_REPLY = new RegExp(catalogue('en').pending.title, 'i');

async function consoleAnswer(dir: string): Promise<number> {
  const started = performance.now();
  const child = startCompiled(dir, benchEnv(dir));
  let output = '';
  const answered = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (PENDING_REPLY.test(output)) resolve(performance.now() - started);
    });
    void exitOf(child).then(() => reject(new Error(`the console ended without answering: ${output}`)));
  });
  child.stdin.end('/corridor pending\n');
  const ms = await answered;
  await exitOf(child);
  return ms;
}

async function httpReady(dir: string, slackApiUrl: string): Promise<number> {
  const port = await freePort();
  const env = benchEnv(dir, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApiUrl, PORT: String(port) });
  const started = performance.now();
  const child = startCompiled(dir, env);
  child.stdout.resume();
  child.stderr.resume();
  try {
    await until200(`http://127.0.0.1:${port}/readyz`, child);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exitOf(child);
  }
}

/** The first start on a new database, then RESTARTS starts on the same one. */
async function series(measure: (dir: string) => Promise<number>): Promise<{ first: number; restarts: number[] }> {
  const dir = benchDir();
  try {
    const first = await measure(dir);
    const restarts: number[] = [];
    for (let run = 0; run < RESTARTS; run++) restarts.push(await measure(dir));
    return { first, restarts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStartToReady(): Promise<string[]> {
  requireBuild();
  const slack = await startSlackApiEmulator({ botToken: BOT_TOKEN, botUserId: 'U0BOT' });
  try {
    const consoleRuns = await series(consoleAnswer);
    const httpRuns = await series((dir) => httpReady(dir, slack.url));
    const row = (name: string, runs: { first: number; restarts: number[] }) =>
      `  ${name.padEnd(44)} first start ${runs.first.toFixed(0).padStart(5)} ms   restart median ${median(runs.restarts).toFixed(0).padStart(5)} ms, max ${Math.max(...runs.restarts).toFixed(0).padStart(5)} ms`;
    return [
      `Start to ready, compiled (node dist/src/cli/start.js, SQLite file, ${RESTARTS} restarts after the first start)`,
      row('console: first answer to /corridor pending', consoleRuns),
      row('HTTP: GET /readyz answers 200', httpRuns),
      `  goal ≤ 1000 ms: ${[consoleRuns, httpRuns].every((runs) => Math.max(runs.first, ...runs.restarts) <= 1000) ? 'met' : 'not met'}`,
    ];
  } finally {
    await slack.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchStartToReady()) console.log(line);
}

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, spawnTs } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

// `npm start 2>&1 | head -1`, or a log shipper that restarts: the reader of the bot's output goes
// away while the bot runs. The process must end, not write into the closed pipe for ever (the
// console's case is in process-guards.test.ts).

const TOKEN = 'xoxb-closed-output';
const SLACK = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: 'closed-output-secret', PORT: '0' };
/** As the reader would look: 15 s after the output closed, nothing may be left running. */
const PATIENCE_MS = 15_000;

const children: ChildProcessWithoutNullStreams[] = [];
let slack: SlackApiEmulator | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) if (child.pid !== undefined && alive(child.pid)) child.kill('SIGKILL');
  await slack?.close();
  slack = undefined;
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function start(env: NodeJS.ProcessEnv): { child: ChildProcessWithoutNullStreams; exited: Promise<number | string | null> } {
  const child = spawnTs('src/cli/start.ts', [], { env });
  children.push(child);
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return { child, exited };
}

/** Resolves once `pattern` was printed on either stream, with what was printed. */
function printed(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  let output = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      output += chunk;
      if (pattern.test(output)) resolve(output);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

/** Whether the process ended within PATIENCE_MS, checked by its pid. */
async function endsWithinPatience(child: ChildProcessWithoutNullStreams, exited: Promise<unknown>): Promise<boolean> {
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, PATIENCE_MS))]);
  return !alive(child.pid!);
}

/**
 * A line for the log if the app has not written one since: an event from nobody, with no Notion
 * token set, is refused with a warning. (The app may already have ended on its start-up lines.)
 */
async function logSomething(port: number): Promise<void> {
  await fetch(`http://127.0.0.1:${port}/notion/webhooks`, { method: 'POST', body: '{}' }).catch(() => undefined);
}

describe('npm start whose output is closed', () => {
  it('the Slack app: its next log line finds the pipe closed, and it shuts down as on SIGTERM (exit 0)', async () => {
    slack = await startSlackApiEmulator({ botToken: TOKEN });
    const { child, exited } = start(cleanEnv({ ...SLACK, SLACK_API_URL: slack.url }));
    const port = Number(/listening on port (\d+)/.exec(await printed(child, /listening on port \d+/))![1]);
    child.stdout.destroy();
    child.stderr.destroy();
    await logSomething(port);
    expect(await endsWithinPatience(child, exited)).toBe(true);
    expect(await exited).toBe(0);
  }, 30_000);

  it('JSON logs on standard output: the app ends once that output is closed, its errors still open', async () => {
    slack = await startSlackApiEmulator({ botToken: TOKEN });
    const { child, exited } = start(cleanEnv({ ...SLACK, SLACK_API_URL: slack.url, LOG_FORMAT: 'json' }));
    const port = Number(/listening on port (\d+)/.exec(await printed(child, /listening on port \d+/))![1]);
    child.stdout.destroy();
    await logSomething(port);
    expect(await endsWithinPatience(child, exited)).toBe(true);
    expect(await exited).toBe(0);
  }, 30_000);
});

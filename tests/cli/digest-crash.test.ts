import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanEnv, runCli, spawnTs } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

// `npm run digest` on a bad day, as an operator would live it: the process killed while Slack is
// slow to answer its post, or Slack not answering at all.

const BOT_TOKEN = 'xoxb-corridor-crash';
const CHANNEL = 'C0CORRIDOR';

let slack: SlackApiEmulator;
beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
});
afterEach(async () => {
  await slack.close();
});

const slackEnv = () => cleanEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url, CORRIDOR_CHANNEL: CHANNEL });

describe('npm run digest', () => {
  it('killed with SIGKILL while Slack is slow to answer its post: the next run records that post, and the week has one digest', async () => {
    const env = slackEnv();
    await runCli('src/cli/digest.ts', { args: ['--dry-run'], env }); // creates and seeds the database first
    slack.failNext('chat.postMessage', { delayMs: 60_000 });
    const child = spawnTs('src/cli/digest.ts', [], { env });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await vi.waitFor(() => expect(slack.callsTo('chat.postMessage')).toHaveLength(1), { timeout: 15_000, interval: 50 });
    child.kill('SIGKILL');
    await exited;

    const again = await runCli('src/cli/digest.ts', { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Digest \d{4}-W\d{2}: already in C0CORRIDOR \(ts [\d.]+\), posted by an earlier run/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    const third = await runCli('src/cli/digest.ts', { env });
    expect(third.stdout).toMatch(/already posted; nothing to do/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  }, 60_000);

  it('with Slack taking the post at once but answering after 25 s, leaves exactly one digest in the channel and says it is posted', async () => {
    const env = slackEnv();
    await runCli('src/cli/digest.ts', { args: ['--dry-run'], env });
    slack.failNext('chat.postMessage', { delayMs: 25_000 });
    const result = await runCli('src/cli/digest.ts', { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Digest \d{4}-W\d{2}: posted to C0CORRIDOR/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    // What the channel holds, read as anyone scrolling it would.
    const history = await fetch(`${slack.url}conversations.history`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${BOT_TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ channel: CHANNEL }),
    });
    expect(((await history.json()) as { messages: unknown[] }).messages).toHaveLength(1);
  }, 60_000);

  it('with Slack not answering chat.postMessage, exits 1 within 60 s with one line saying so, and the period stays open', async () => {
    const env = slackEnv();
    await runCli('src/cli/digest.ts', { args: ['--dry-run'], env });
    // Slack never takes the message (a late 502): each try times out, the channel shows it missing, and the next try follows.
    for (let i = 0; i < 5; i++) slack.failNext('chat.postMessage', { httpStatus: 502, delayMs: 120_000 });
    const started = Date.now();
    const result = await runCli('src/cli/digest.ts', { env });
    const seconds = (Date.now() - started) / 1000;
    expect(result.code).toBe(1);
    expect(seconds).toBeLessThan(60);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^Digest \d{4}-W\d{2}: not posted \(timeout\); the period stays open/);
    const errors = result.stderr.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Slack did not answer within \d+ s/);
  }, 90_000);
});

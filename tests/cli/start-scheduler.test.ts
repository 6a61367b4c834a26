import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanEnv, spawnTs } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

const BOT_TOKEN = 'xoxb-corridor-start';

let slack: SlackApiEmulator | undefined;

afterEach(async () => {
  await slack?.close();
});

describe('npm start with Slack configured', () => {
  it('schedules the jobs and catches up the current periods once at start', async () => {
    slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
    const env = cleanEnv({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: 'start-test-secret',
      SLACK_API_URL: slack.url,
      PORT: '0',
      CORRIDOR_CHANNEL: 'C0CORRIDOR',
      // Every minute: whatever the date, a firing already came in the current day and week.
      REMINDER_CRON: '* * * * *',
      DIGEST_CRON: '* * * * *',
      // 31 December at 23:59 only: this month's report would otherwise be caught up too on a working day.
      REPORT_CRON: '59 23 31 12 *',
    });
    const child = spawnTs('src/cli/start.ts', [], { env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await vi.waitFor(() => expect(slack!.callsTo('chat.postMessage')).toHaveLength(2), { timeout: 15_000, interval: 100 });
      const texts = slack.callsTo('chat.postMessage').map((call) => String(call.args.text));
      expect(texts.some((text) => text.includes('adhésions sont toujours en attente'))).toBe(true);
      expect(texts.some((text) => text.includes('Résumé du corridor'))).toBe(true);
      expect(output).toContain('scheduled in America/Toronto for C0CORRIDOR');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

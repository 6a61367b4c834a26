import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, spawnTs } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

const SECRET = 'start-json-signing-secret';
const TOKEN = 'xoxb-start-json-test';

let child: ChildProcess | undefined;
let slack: SlackApiEmulator | undefined;

afterEach(async () => {
  child?.kill('SIGKILL');
  await slack?.close();
});

describe('npm start with LOG_FORMAT=json', () => {
  it('logs one JSON object per line with the replica, no secret, and serves /readyz on PORT', async () => {
    slack = await startSlackApiEmulator({ botToken: TOKEN });
    child = spawnTs('src/cli/start.ts', [], {
      env: cleanEnv({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.url, PORT: '0', LOG_FORMAT: 'json' }),
    });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child!.on('close', resolve));
    const port = await new Promise<number>((resolve, reject) => {
      child!.stdout!.on('data', (chunk) => {
        stdout += chunk;
        const match = /listening on port (\d+)/.exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      void exited.then((code) => reject(new Error(`exited with ${code}: ${stdout}${stderr}`)));
    });

    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatchObject({ replica: expect.stringMatching(/^.+:\d+:[0-9a-f]+$/), level: expect.any(String), msg: expect.any(String) });
    expect(lines.map((line) => line.msg)).toContain(`corridor-bot listening on port ${port} at /slack/events`);
    expect(stdout + stderr).not.toContain(TOKEN);
    expect(stdout + stderr).not.toContain(SECRET);
  });
});

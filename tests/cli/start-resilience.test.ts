import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanEnv } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { appHomeOpened } from '../support/slack-interactions.js';
import { postSigned, slashCommandBody } from '../support/slack-signing.js';
import { spawnApp, type SpawnedApp } from '../support/spawned-app.js';

const SECRET = 'resilience-test-signing-secret';
const TOKEN = 'xoxb-resilience-test';

let app: SpawnedApp | undefined;
let slack: SlackApiEmulator | undefined;

afterEach(async () => {
  app?.child.kill('SIGKILL');
  await slack?.close();
});

async function start(): Promise<SpawnedApp> {
  slack = await startSlackApiEmulator({ botToken: TOKEN });
  app = await spawnApp(cleanEnv({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.url, PORT: '0' }));
  return app;
}

describe('npm start facing requests that used to end it', () => {
  it('answers 400 to signed bodies that are not JSON objects and keeps answering commands', async () => {
    const { eventsUrl, exited } = await start();
    let exitCode: number | null | 'running' = 'running';
    void exited.then((code) => (exitCode = code));
    for (const [body, contentType] of [['payload=null', undefined], ['null', 'application/json'], ['42', 'application/json'], ['[]', 'application/json']] as const) {
      const response = await postSigned(eventsUrl, body, { signingSecret: SECRET, ...(contentType ? { contentType } : {}) });
      expect(response.status, body).toBe(400);
    }
    const pending = await postSigned(eventsUrl, slashCommandBody({ text: 'pending' }), { signingSecret: SECRET });
    expect(pending.status).toBe(200);
    expect(pending.json).toMatchObject({ response_type: 'ephemeral' });
    expect(exitCode).toBe('running');
  });
});

describe('npm start on SIGTERM', () => {
  it('exits 0 within 10 s while a Slack call it is making hangs, saying what it abandoned', async () => {
    const { eventsUrl, exited, child, output } = await start();
    // The Home tab's views.publish never gets an answer in time.
    slack!.failNext('views.publish', { delayMs: 120_000 });
    const opened = await postSigned(eventsUrl, JSON.stringify(appHomeOpened('U0ALICE')), { signingSecret: SECRET, contentType: 'application/json' });
    expect(opened.status).toBe(200);
    await vi.waitFor(() => expect(slack!.callsTo('views.publish')).toHaveLength(1), { timeout: 5_000 });

    const signalled = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(output()).toMatch(/abandoned "finish requests in flight".*1 request\(s\) still running/);
  }, 20_000);
});

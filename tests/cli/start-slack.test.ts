import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, spawnTs } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { postSigned, slashCommandBody } from '../support/slack-signing.js';

const SECRET = 'start-test-signing-secret';
const TOKEN = 'xoxb-start-test';

let child: ChildProcess | undefined;
let slack: SlackApiEmulator | undefined;

afterEach(async () => {
  child?.kill('SIGKILL');
  await slack?.close();
});

/** Starts `npm start`'s entry point and resolves with the port it reports listening on. */
function startApp(env: NodeJS.ProcessEnv): Promise<{ port: number; output: () => string; exited: Promise<number | null> }> {
  child = spawnTs('src/cli/start.ts', [], { env });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child!.on('close', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on port (\d+)/.exec(output);
      if (match) resolve({ port: Number(match[1]), output: () => output, exited });
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`exited with ${code} before listening: ${output}`)));
  });
}

describe('npm start with Slack credentials', () => {
  it('serves signed slash commands on PORT at /slack/events and stops cleanly on SIGTERM', async () => {
    slack = await startSlackApiEmulator({ botToken: TOKEN });
    const app = await startApp(
      cleanEnv({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.url, PORT: '0' }),
    );
    const url = `http://127.0.0.1:${app.port}/slack/events`;
    const card = await postSigned(url, slashCommandBody({ text: 'partner c2mi' }), { signingSecret: SECRET });
    expect(card.status).toBe(200);
    const reply = card.json as { response_type: string; blocks: unknown[] };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]).toMatchObject({ type: 'header', text: { text: 'C2MI' } });

    const forged = await postSigned(url, slashCommandBody({ text: 'partner c2mi' }), { signingSecret: 'wrong' });
    expect(forged.status).toBe(401);
    const stale = await postSigned(url, slashCommandBody({ text: 'partner c2mi' }), {
      signingSecret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);

    child!.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});

describe('npm start with a token Slack refuses', () => {
  it('says which variable to fix in one line and exits 1', async () => {
    slack = await startSlackApiEmulator({ botToken: TOKEN });
    const result = await runCli('src/cli/start.ts', {
      env: cleanEnv({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_API_URL: slack.url, PORT: '0' }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^corridor-bot: SLACK_BOT_TOKEN: Slack refused the token \(invalid_auth\)/)]);
  });
});

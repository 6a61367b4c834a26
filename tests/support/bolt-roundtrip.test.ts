import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from './silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from './slack-api-emulator.js';
import { interactionBody, postSigned, slashCommandBody } from './slack-signing.js';

// The support pieces together against a real Bolt app: signed deliveries in, Web API calls and
// respond() posts out to the emulator.

const SIGNING_SECRET = 'corridor-signing-secret';
const BOT_TOKEN = 'xoxb-test-token';

let slack: SlackApiEmulator;
let appServer: Server;
let eventsUrl: string;

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: BOT_TOKEN, botUserId: 'U0BOT' });
  // Answering only after the listener finishes makes the recorded calls complete when postSigned returns.
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, processBeforeResponse: true, logger: silentLogger() });
  const app = new App({ receiver, token: BOT_TOKEN, logger: silentLogger(), clientOptions: { slackApiUrl: slack.url } });
  registerListeners(app);
  // Bolt checks its token with auth.test as soon as it is built; let that finish before each test.
  await vi.waitFor(() => expect(slack.callsTo('auth.test')).toHaveLength(1));
  appServer = createServer(receiver.requestListener);
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  eventsUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/slack/events`;
});

afterEach(async () => {
  appServer.closeAllConnections();
  await new Promise((resolve) => appServer.close(resolve));
  await slack.close();
});

function registerListeners(app: App): void {
  app.command('/corridor', async ({ ack, respond, client, command }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: `Noted: ${command.text}` });
    await client.chat.postMessage({ channel: command.channel_id, text: `<@${command.user_id}> asked for ${command.text}` });
  });
  app.action('approve_visit', async ({ ack, body, client }) => {
    await ack();
    await client.chat.postEphemeral({ channel: body.channel?.id ?? '', user: body.user.id, text: 'Approved' });
  });
}

const blockActionsPayload = {
  type: 'block_actions',
  api_app_id: 'A0CORRIDOR',
  token: 'legacy-verification-token',
  team: { id: 'T0CORRIDOR', domain: 'corridor' },
  user: { id: 'U0ALICE', username: 'alice', team_id: 'T0CORRIDOR' },
  channel: { id: 'C0CORRIDOR', name: 'corridor' },
  container: { type: 'message', message_ts: '1700000001.000001', channel_id: 'C0CORRIDOR', is_ephemeral: false },
  trigger_id: '1000000000001.1000000000002.0123456789abcdef0123456789abcdef',
  response_url: 'https://hooks.slack.com/actions/T0CORRIDOR/1/token',
  actions: [
    {
      type: 'button',
      action_id: 'approve_visit',
      block_id: 'visit_actions',
      text: { type: 'plain_text', text: 'Approve' },
      value: 'visit-1',
      action_ts: '1700000002.000000',
    },
  ],
};

describe('Bolt app against the support pieces', () => {
  it('checks its bot token against the emulator', () => {
    expect(slack.callsTo('auth.test')).toMatchObject([{ token: BOT_TOKEN }]);
  });

  it('runs a signed slash command through respond() and the Web API', async () => {
    const body = slashCommandBody({ text: 'Bromont tuesday', response_url: slack.responseUrl });
    const response = await postSigned(eventsUrl, body, { signingSecret: SIGNING_SECRET });

    expect(response.status).toBe(200);
    expect(slack.callsTo('response_url')).toMatchObject([
      { args: { response_type: 'ephemeral', text: 'Noted: Bromont tuesday' } },
    ]);
    expect(slack.callsTo('chat.postMessage')).toMatchObject([
      { token: BOT_TOKEN, args: { channel: 'C0CORRIDOR', text: '<@U0ALICE> asked for Bromont tuesday' } },
    ]);
  });

  it('handles a signed block action', async () => {
    const response = await postSigned(eventsUrl, interactionBody(blockActionsPayload), { signingSecret: SIGNING_SECRET });

    expect(response.status).toBe(200);
    expect(slack.callsTo('chat.postEphemeral')).toMatchObject([
      { args: { channel: 'C0CORRIDOR', user: 'U0ALICE', text: 'Approved' } },
    ]);
  });

  it.each([
    ['a forged signature', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['a missing signature', { omitSignature: true }],
    ['the wrong signing secret', { signingSecret: 'not-the-secret' }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }],
  ])('rejects %s with 401 and runs no listener', async (_case, overrides) => {
    const body = slashCommandBody({ text: 'sneaky', response_url: slack.responseUrl });
    const response = await postSigned(eventsUrl, body, { signingSecret: SIGNING_SECRET, ...overrides });

    expect(response.status).toBe(401);
    expect(slack.callsTo('response_url')).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

import { ErrorCode, WebClient, WebClientEvent, type ModalView, type SectionBlock, type WebClientOptions } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from './silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from './slack-api-emulator.js';

const BOT_TOKEN = 'xoxb-test-token';
const sectionBlock = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const modalView = (title = 'New visit'): ModalView => ({
  type: 'modal',
  callback_id: 'new_visit',
  title: { type: 'plain_text', text: title },
  blocks: [sectionBlock('Pick a site')],
});

let slack: SlackApiEmulator;

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botUserId: 'U0BOT' });
});
afterEach(async () => {
  await slack.close();
});

function clientWithToken(token: string | undefined, options: WebClientOptions = {}): WebClient {
  return new WebClient(token, { slackApiUrl: slack.url, logger: silentLogger(), ...options });
}

function botClient(options: WebClientOptions = {}): WebClient {
  return clientWithToken(BOT_TOKEN, options);
}

describe('addressing', () => {
  it('serves the Web API under a slackApiUrl ending in /api/', () => {
    expect(slack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    expect(slack.responseUrl.startsWith(slack.url.replace('/api/', '/response/'))).toBe(true);
  });

  it('answers auth.test for the bot user', async () => {
    const result = await botClient().auth.test();
    expect(result).toMatchObject({
      ok: true,
      user_id: 'U0BOT',
      team_id: 'T0CORRIDOR',
      team: 'Corridor',
      url: 'https://corridor.slack.com/',
      bot_id: expect.any(String),
    });
  });

  it('reports unknown methods', async () => {
    await expect(botClient().apiCall('corridor.teleport')).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'unknown_method' },
    });
  });
});

describe('recording calls', () => {
  it('records chat.postMessage with its blocks parsed back into an array', async () => {
    const blocks = [sectionBlock('*Bromont* visit confirmed')];
    const result = await botClient().chat.postMessage({ channel: 'C0CORRIDOR', text: 'Visit confirmed', blocks });

    expect(result).toMatchObject({ ok: true, channel: 'C0CORRIDOR', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(result.message).toMatchObject({ text: 'Visit confirmed', user: 'U0BOT', blocks, ts: result.ts });
    const [call] = slack.callsTo('chat.postMessage');
    expect(call).toMatchObject({ method: 'chat.postMessage', token: BOT_TOKEN, args: { channel: 'C0CORRIDOR', blocks } });
    expect(call?.args).not.toHaveProperty('token');
    expect(call?.at).toBeLessThanOrEqual(Date.now());
  });

  it('gives each message its own timestamp', async () => {
    const client = botClient();
    const first = await client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'one' });
    const second = await client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'two' });
    expect(second.ts).not.toBe(first.ts);
  });

  it('accepts JSON bodies and a token form field, like Slack', async () => {
    const jsonResponse = await fetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: 'C0CORRIDOR', blocks: [sectionBlock('json')] }),
    });
    expect(await jsonResponse.json()).toMatchObject({ ok: true });

    const formResponse = await fetch(`${slack.url}auth.test`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: BOT_TOKEN }).toString(),
    });
    expect(await formResponse.json()).toMatchObject({ ok: true });
    expect(slack.calls.map((call) => [call.method, call.token])).toEqual([
      ['chat.postMessage', BOT_TOKEN],
      ['auth.test', BOT_TOKEN],
    ]);
    expect(slack.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([sectionBlock('json')]);
  });

  it('reset() forgets calls and queued failures', async () => {
    slack.failNext('auth.test', { error: 'account_inactive' });
    await botClient().chat.postMessage({ channel: 'C0CORRIDOR', text: 'before reset' });
    slack.reset();

    expect(slack.calls).toEqual([]);
    await expect(botClient().auth.test()).resolves.toMatchObject({ ok: true });
  });
});

describe('authentication', () => {
  it('rejects a wrong token with invalid_auth', async () => {
    await expect(clientWithToken('xoxb-wrong').auth.test()).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'invalid_auth' },
    });
  });

  it('rejects a missing token with not_authed', async () => {
    await expect(clientWithToken(undefined).auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
    expect(slack.calls[0]?.token).toBeUndefined();
  });

  it('honours a configured bot token', async () => {
    const custom = await startSlackApiEmulator({ botToken: 'xoxb-custom' });
    try {
      const client = new WebClient('xoxb-custom', { slackApiUrl: custom.url, logger: silentLogger() });
      await expect(client.auth.test()).resolves.toMatchObject({ ok: true, user_id: expect.any(String) });
    } finally {
      await custom.close();
    }
  });
});

describe('injected failures', () => {
  it('rate-limits with 429 and Retry-After; WebClient waits and retries', async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 1 });
    const client = botClient({ rejectRateLimitedCalls: false });
    const rateLimitedFor: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (seconds: number) => rateLimitedFor.push(seconds));

    const result = await client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'after the limit' });

    expect(result.ok).toBe(true);
    expect(rateLimitedFor).toEqual([1]);
    const [limited, retried] = slack.callsTo('chat.postMessage');
    expect(limited && retried).toBeTruthy();
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('shows the raw 429 to a client that rejects rate-limited calls', async () => {
    slack.failNext('auth.test', { error: 'ratelimited', retryAfterSeconds: 7 });
    await expect(botClient({ rejectRateLimitedCalls: true }).auth.test()).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
  });

  it('answers other errors as platform errors, once each and in order', async () => {
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    slack.failNext('chat.postMessage', { error: 'is_archived' });
    const post = () => botClient().chat.postMessage({ channel: 'C0CORRIDOR', text: 'hello' });

    await expect(post()).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'not_in_channel' } });
    await expect(post()).rejects.toMatchObject({ data: { error: 'is_archived' } });
    await expect(post()).resolves.toMatchObject({ ok: true });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('applies failures only to the named method', async () => {
    slack.failNext('chat.update', { error: 'cant_update_message' });
    await expect(botClient().auth.test()).resolves.toMatchObject({ ok: true });
    await expect(botClient().chat.update({ channel: 'C0CORRIDOR', ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'cant_update_message' },
    });
  });

  it('answers with an HTTP error status', async () => {
    slack.failNext('chat.postMessage', { httpStatus: 500 });
    const client = botClient({ retryConfig: { retries: 0 } });
    await expect(client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'hello' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 500,
    });
  });

  it('answers late when asked to', async () => {
    slack.failNext('auth.test', { delayMs: 300 });
    const startedAt = Date.now();
    await expect(botClient().auth.test()).resolves.toMatchObject({ ok: true });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
  });

  it('lets a client timeout fire on a slow answer, and still closes promptly', async () => {
    slack.failNext('auth.test', { delayMs: 5_000 });
    const client = botClient({ timeout: 100, retryConfig: { retries: 0 } });
    await expect(client.auth.test()).rejects.toMatchObject({ code: ErrorCode.RequestError });

    const closingAt = Date.now();
    await slack.close();
    expect(Date.now() - closingAt).toBeLessThan(1_000);
    slack = await startSlackApiEmulator();
  });
});

describe('chat methods', () => {
  it('rejects more than 50 blocks with invalid_blocks and the reasons', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => sectionBlock(`row ${i}`));
    await expect(botClient().chat.postMessage({ channel: 'C0CORRIDOR', text: 'digest', blocks })).rejects.toMatchObject({
      data: {
        error: 'invalid_blocks',
        response_metadata: { messages: ['[ERROR] must have at most 50 blocks in a message (got 51) [json-pointer:/blocks]'] },
      },
    });
  });

  it('needs a known channel and some content', async () => {
    slack.setMissingChannel('C0GONE');
    const client = botClient();
    await expect(client.chat.postMessage({ channel: 'C0GONE', text: 'hi' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.apiCall('chat.postMessage', { text: 'no channel' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.apiCall('chat.postMessage', { channel: 'C0CORRIDOR' })).rejects.toMatchObject({
      data: { error: 'no_text' },
    });
  });

  it('posts ephemeral messages to a user', async () => {
    const client = botClient();
    const result = await client.chat.postEphemeral({ channel: 'C0CORRIDOR', user: 'U0ALICE', text: 'only you' });
    expect(result).toMatchObject({ ok: true, message_ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    await expect(client.apiCall('chat.postEphemeral', { channel: 'C0CORRIDOR', text: 'nobody' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('updates and deletes messages', async () => {
    const client = botClient();
    const posted = await client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'draft' });
    const ts = posted.ts ?? '';

    const updated = await client.chat.update({ channel: 'C0CORRIDOR', ts, text: 'final', blocks: [sectionBlock('final')] });
    expect(updated).toMatchObject({ ok: true, channel: 'C0CORRIDOR', ts, text: 'final', message: { text: 'final' } });
    await expect(client.chat.delete({ channel: 'C0CORRIDOR', ts })).resolves.toMatchObject({
      ok: true,
      channel: 'C0CORRIDOR',
      ts,
    });
    await expect(client.apiCall('chat.delete', { channel: 'C0CORRIDOR' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('updates only a message of that channel, keeps it in its thread, and needs text or blocks', async () => {
    const client = botClient();
    const parent = await client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'parent' });
    const reply = await client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'reply', thread_ts: parent.ts! });
    await expect(client.chat.update({ channel: 'C0CORRIDOR', ts: '1.000999', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    await expect(client.chat.update({ channel: 'C0OTHER', ts: reply.ts!, text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    await expect(client.apiCall('chat.update', { channel: 'C0CORRIDOR', ts: reply.ts! })).rejects.toMatchObject({ data: { error: 'no_text' } });
    await client.chat.update({ channel: 'C0CORRIDOR', ts: reply.ts!, text: 'reply, updated' });
    const thread = await client.conversations.replies({ channel: 'C0CORRIDOR', ts: reply.ts! });
    expect(thread.messages?.map((m) => [m.text, m.thread_ts])).toEqual([
      ['parent', undefined],
      ['reply, updated', parent.ts],
    ]);
    // The channel's history shows the parent, not the reply in its thread.
    const history = await client.conversations.history({ channel: 'C0CORRIDOR' });
    expect(history.messages?.map((m) => m.text)).not.toContain('reply, updated');
    await expect(client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'lost', thread_ts: '1.000999' })).rejects.toMatchObject({
      data: { error: 'thread_not_found' },
    });
  });
});

describe('users.info', () => {
  it('returns the user with locale only when include_locale is set', async () => {
    slack.setUser({ id: 'U0ALICE', locale: 'fr-CA', tz: 'America/Toronto', real_name: 'Alice' });
    const client = botClient();

    const withLocale = await client.users.info({ user: 'U0ALICE', include_locale: true });
    expect(withLocale.user).toMatchObject({
      id: 'U0ALICE',
      real_name: 'Alice',
      tz: 'America/Toronto',
      tz_label: expect.stringMatching(/^Eastern (Standard|Daylight) Time$/),
      locale: 'fr-CA',
      is_bot: false,
    });
    expect([-18_000, -14_400]).toContain(withLocale.user?.tz_offset);

    const withoutLocale = await client.users.info({ user: 'U0ALICE' });
    expect(withoutLocale.user).not.toHaveProperty('locale');
  });

  it('knows the bot user and nobody it was not told about', async () => {
    const client = botClient();
    await expect(client.users.info({ user: 'U0BOT' })).resolves.toMatchObject({ user: { id: 'U0BOT', is_bot: true } });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('refuses an unknown time zone up front', () => {
    expect(() => slack.setUser({ id: 'U0ZED', tz: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });
});

describe('views', () => {
  it('opens a modal and returns the view Slack would store', async () => {
    const result = await botClient().views.open({ trigger_id: '1.2.abc', view: modalView() });
    expect(result.view).toMatchObject({
      id: expect.stringMatching(/^V\w+$/),
      team_id: 'T0CORRIDOR',
      type: 'modal',
      callback_id: 'new_visit',
      private_metadata: '',
      state: { values: {} },
      hash: expect.any(String),
      blocks: modalView().blocks,
    });
    expect(result.view?.root_view_id).toBe(result.view?.id);
    expect(slack.callsTo('views.open')[0]?.args.view).toEqual(modalView());
  });

  it('rejects invalid views with invalid_arguments and the reasons', async () => {
    const client = botClient();
    const tooLongTitle = modalView('A title that is far too long');
    await expect(client.views.open({ trigger_id: '1.2.abc', view: tooLongTitle })).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: { messages: ['[ERROR] must be at most 24 characters (got 28) [json-pointer:/view/title/text]'] },
      },
    });
    await expect(client.apiCall('views.open', { view: modalView() })).rejects.toMatchObject({
      data: { error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] invalid `trigger_id`'] } },
    });
    await expect(client.views.open({ trigger_id: '1.2.abc', view: { type: 'home', blocks: [] } })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });

  it('pushes a modal onto the stack', async () => {
    const result = await botClient().views.push({ trigger_id: '1.2.abc', view: modalView('Step 2') });
    expect(result.view).toMatchObject({ type: 'modal', title: { text: 'Step 2' } });
  });

  it('updates a view by id, checking the hash when given', async () => {
    const client = botClient();
    const opened = await client.views.open({ trigger_id: '1.2.abc', view: modalView() });
    const viewId = opened.view?.id ?? '';

    const updated = await client.views.update({ view_id: viewId, hash: opened.view?.hash, view: modalView('Saved') });
    expect(updated.view).toMatchObject({ id: viewId, title: { text: 'Saved' } });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    await expect(client.views.update({ view_id: viewId, hash: opened.view?.hash, view: modalView() })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    await expect(client.apiCall('views.update', { view: modalView() })).rejects.toMatchObject({ data: { error: 'not_found' } });
  });

  it('publishes a Home tab with one stable view id per user', async () => {
    const client = botClient();
    const home = { type: 'home' as const, blocks: [sectionBlock('Welcome to the corridor')] };
    const first = await client.views.publish({ user_id: 'U0ALICE', view: home });
    const again = await client.views.publish({ user_id: 'U0ALICE', view: home });
    const other = await client.views.publish({ user_id: 'U0BOB', view: home });

    expect(first.view).toMatchObject({ type: 'home', blocks: home.blocks });
    expect(again.view?.id).toBe(first.view?.id);
    expect(other.view?.id).not.toBe(first.view?.id);
    await expect(client.views.publish({ user_id: 'U0ALICE', view: modalView() })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });
});

describe('conversations.info', () => {
  it('describes known channels and reports missing ones', async () => {
    slack.setMissingChannel('C0GONE');
    const client = botClient();
    await expect(client.conversations.info({ channel: 'C0CORRIDOR' })).resolves.toMatchObject({
      channel: { id: 'C0CORRIDOR', is_channel: true, is_private: false, is_im: false, is_member: true },
    });
    await expect(client.conversations.info({ channel: 'C0GONE' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });
});

describe('response_url', () => {
  const postToResponseUrl = (body: unknown) =>
    fetch(slack.responseUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('records JSON posts as response_url calls', async () => {
    const response = await postToResponseUrl({ response_type: 'ephemeral', text: 'Logged your visit' });
    expect(response.status).toBe(200);
    expect(slack.callsTo('response_url')).toEqual([
      {
        method: 'response_url',
        args: { response_type: 'ephemeral', text: 'Logged your visit' },
        token: undefined,
        at: expect.any(Number),
      },
    ]);
  });

  it('rejects invalid blocks with HTTP 400, as Slack does', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => sectionBlock(`row ${i}`));
    const response = await postToResponseUrl({ text: 'too much', blocks });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('invalid_blocks');
  });

  it('can be made to fail like any method', async () => {
    slack.failNext('response_url', { httpStatus: 404 });
    expect((await postToResponseUrl({ text: 'expired' })).status).toBe(404);
  });
});

describe('file uploads', () => {
  const pdf = Buffer.from('%PDF-1.7\n% a report\n%%EOF\n', 'latin1');

  it('takes WebClient.files.uploadV2 unchanged: an upload URL per file, the bytes, then one message sharing them', async () => {
    slack.setUser({ id: 'U0REPORTER' });
    const client = botClient();
    const dm = (await client.conversations.open({ users: 'U0REPORTER' })).channel!.id!;
    const result = await client.files.uploadV2({
      channel_id: dm,
      initial_comment: 'The report for November',
      file_uploads: [
        { file: pdf, filename: 'corridor-report-2026-11.pdf', title: 'Report' },
        { file: Buffer.from('PK\u0003\u0004 workbook'), filename: 'corridor.xlsx' },
      ],
    });
    expect(result.ok).toBe(true);
    expect(slack.callsTo('files.getUploadURLExternal').map((call) => call.args)).toEqual([
      expect.objectContaining({ filename: 'corridor-report-2026-11.pdf', length: String(pdf.length) }),
      expect.objectContaining({ filename: 'corridor.xlsx' }),
    ]);
    expect(slack.callsTo('file_upload')).toHaveLength(2);
    const [complete] = slack.callsTo('files.completeUploadExternal');
    expect(complete!.args).toMatchObject({ channel_id: dm, initial_comment: 'The report for November' });
    const shared = slack.filesSharedIn(dm);
    expect(shared.map((file) => [file.filename, file.title])).toEqual([
      ['corridor-report-2026-11.pdf', 'Report'],
      ['corridor.xlsx', 'corridor.xlsx'],
    ]);
    expect(shared[0]!.bytes!.equals(pdf)).toBe(true);
    // The share is a message of the conversation, the comment its text, the files under it.
    const history = await client.conversations.history({ channel: dm });
    expect(history.messages).toEqual([expect.objectContaining({ text: 'The report for November', files: [expect.objectContaining({ name: 'corridor-report-2026-11.pdf' }), expect.objectContaining({ name: 'corridor.xlsx' })] })]);
  });

  it('shares a file as a reply in a thread of the channel, and refuses a thread the channel does not hold', async () => {
    const client = botClient();
    const parent = await client.chat.postMessage({ channel: 'C0CORRIDOR', text: 'Monthly summary' });
    await client.files.uploadV2({ channel_id: 'C0CORRIDOR', thread_ts: parent.ts!, file: pdf, filename: 'corridor-report-2026-11.pdf' });
    const thread = await client.conversations.replies({ channel: 'C0CORRIDOR', ts: parent.ts! });
    expect(thread.messages?.map((message) => message.files?.[0]?.name)).toEqual([undefined, 'corridor-report-2026-11.pdf']);
    await expect(client.files.uploadV2({ channel_id: 'C0CORRIDOR', thread_ts: '1.000001', file: pdf, filename: 'x.pdf' })).rejects.toMatchObject({ data: { error: 'thread_not_found' } });
  });

  it('validates as Slack does: required arguments, an unknown or already completed file, a file never uploaded, a missing channel', async () => {
    const client = botClient();
    await expect(client.apiCall('files.getUploadURLExternal', { filename: 'a.pdf' })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(client.files.getUploadURLExternal({ filename: 'a.pdf', length: 0 })).rejects.toMatchObject({ data: { error: 'missing_argument' } });
    await expect(client.files.completeUploadExternal({ files: [{ id: 'F0NOSUCH' }] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    const { file_id: announced } = await client.files.getUploadURLExternal({ filename: 'a.pdf', length: pdf.length });
    // Announced, never uploaded.
    await expect(client.files.completeUploadExternal({ files: [{ id: announced! }] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    const { file_id: fileId, upload_url: uploadUrl } = await client.files.getUploadURLExternal({ filename: 'b.pdf', length: pdf.length });
    expect(uploadUrl!.startsWith(slack.url.replace('/api/', '/upload/'))).toBe(true);
    const upload = await fetch(uploadUrl!, { method: 'POST', body: new Uint8Array(pdf) });
    expect([upload.status, await upload.text()]).toEqual([200, `OK - ${pdf.length}`]);
    slack.setMissingChannel('C0GONE');
    await expect(client.files.completeUploadExternal({ files: [{ id: fileId! }], channel_id: 'C0GONE' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    // Without a channel the file stays private; completed once, not twice.
    expect(await client.files.completeUploadExternal({ files: [{ id: fileId!, title: 'B' }] })).toMatchObject({ ok: true, files: [{ id: fileId, title: 'B' }] });
    await expect(client.files.completeUploadExternal({ files: [{ id: fileId! }] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    expect((await fetch(`${slack.url.replace('/api/', '/upload/v1/')}F0NOSUCH`, { method: 'POST', body: 'x' })).status).toBe(404);
  });
});

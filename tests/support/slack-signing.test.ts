import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionBody, postSigned, signSlackRequest, slashCommandBody } from './slack-signing.js';

describe('signSlackRequest', () => {
  it("matches Slack's published example", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('treats numeric and string timestamps alike', () => {
    expect(signSlackRequest('secret', '1700000000', 'a=b')).toBe(signSlackRequest('secret', 1700000000, 'a=b'));
  });
});

describe('slashCommandBody', () => {
  it('fills in the fields Slack sends', () => {
    const fields = new URLSearchParams(slashCommandBody());
    expect(fields.get('command')).toBe('/corridor');
    expect(fields.get('team_id')).toBe('T0CORRIDOR');
    expect(fields.get('channel_id')).toBe('C0CORRIDOR');
    expect(fields.get('user_id')).toBe('U0ALICE');
    expect(fields.get('text')).toBe('');
    expect(fields.get('token')).toBeTruthy();
    expect(fields.get('trigger_id')).toBeTruthy();
    expect(new URL(fields.get('response_url') ?? '').hostname).toBe('hooks.slack.com');
  });

  it('lets callers override fields and url-encodes them', () => {
    const body = slashCommandBody({ text: 'visite Bromont & Albany', user_id: 'U0BOB', command: '/couloir', team_id: undefined });
    expect(body).toContain('command=%2Fcouloir');
    const fields = new URLSearchParams(body);
    expect(fields.get('text')).toBe('visite Bromont & Albany');
    expect(fields.get('user_id')).toBe('U0BOB');
    expect(fields.get('team_id')).toBe('T0CORRIDOR');
  });
});

describe('interactionBody', () => {
  it('wraps the JSON payload in a single form field', () => {
    const payload = { type: 'block_actions', actions: [{ action_id: 'approve', value: 'a&b=c' }] };
    const body = interactionBody(payload);
    expect(body.startsWith('payload=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(body).get('payload') ?? '')).toEqual(payload);
  });
});

describe('postSigned', () => {
  interface ReceivedRequest {
    headers: IncomingHttpHeaders;
    body: string;
  }
  const received: ReceivedRequest[] = [];
  let url = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const answersJson = req.url === '/json';
      res.writeHead(200, { 'Content-Type': answersJson ? 'application/json' : 'text/plain' });
      res.end(answersJson ? '{"ok":true}' : 'plain words');
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const lastRequest = (): ReceivedRequest => {
    const request = received.at(-1);
    if (!request) throw new Error('no request received');
    return request;
  };

  it('sends the body signed with the given timestamp', async () => {
    const body = slashCommandBody({ text: 'status' });
    const response = await postSigned(`${url}/json`, body, { signingSecret: 'shh', timestamp: 1700000000 });

    expect(response).toEqual({ status: 200, text: '{"ok":true}', json: { ok: true } });
    const { headers, body: sentBody } = lastRequest();
    expect(sentBody).toBe(body);
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(headers['x-slack-request-timestamp']).toBe('1700000000');
    expect(headers['x-slack-signature']).toBe(signSlackRequest('shh', 1700000000, body));
  });

  it('defaults the timestamp to now and leaves json undefined for non-JSON answers', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await postSigned(`${url}/text`, 'a=b', { signingSecret: 'shh' });

    expect(response.json).toBeUndefined();
    expect(response.text).toBe('plain words');
    const timestamp = Number(lastRequest().headers['x-slack-request-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('can forge or omit the signature and change the content type', async () => {
    await postSigned(url, '{}', { signingSecret: 'shh', signature: 'v0=forged', contentType: 'application/json' });
    expect(lastRequest().headers['x-slack-signature']).toBe('v0=forged');
    expect(lastRequest().headers['content-type']).toBe('application/json');

    await postSigned(url, 'a=b', { signingSecret: 'shh', omitSignature: true });
    expect(lastRequest().headers['x-slack-signature']).toBeUndefined();
  });
});

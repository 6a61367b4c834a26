import { describe, expect, it } from 'vitest';
import { knownSecrets, redactValue, scrubText } from '../../src/ops/redact.js';

describe('scrubText', () => {
  it.each([
    ['xoxb-123-456-abcDEF', 'xoxb-[REDACTED]'],
    ['user token xoxp-1-2-3-abc and app token xapp-1-A0-123-ff', 'user token xoxp-[REDACTED] and app token xapp-[REDACTED]'],
    ['NOTION_TOKEN secret_AbCdEfGhIjKlMnOp0123', 'NOTION_TOKEN secret_[REDACTED]'],
    ['ntn_1234567890abcdefABCDEF', 'ntn_[REDACTED]'],
    ['postgres://corridor:p%40ss@db:5432/corridor', 'postgres://corridor:[REDACTED]@db:5432/corridor'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: [REDACTED] [REDACTED]'],
    ['SLACK_SIGNING_SECRET=abcdef0123456789', 'SLACK_SIGNING_SECRET=[REDACTED]'],
    ['{"password":"hunter22","user":"bob"}', '{"password":"[REDACTED]","user":"bob"}'],
    ['https://example.test/?token=abc123&page=2', 'https://example.test/?token=[REDACTED]&page=2'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it('leaves ordinary lines alone', () => {
    const line = 'corridor-bot listening on port 3000 at /slack/events; postgres://db:5432/corridor; a secret_key';
    expect(scrubText(line)).toBe(line);
  });

  it('removes the exact secrets it is given', () => {
    expect(scrubText('signed with 0123456789abcdef twice: 0123456789abcdef', ['0123456789abcdef'])).toBe('signed with [REDACTED] twice: [REDACTED]');
  });
});

describe('redactValue', () => {
  it('drops secret keys at any depth and leaves the input untouched', () => {
    const input = { user: 'U1', nested: [{ clientSecret: 'x', headers: { authorization: 'y', accept: 'json' } }] };
    expect(redactValue(input)).toEqual({ user: 'U1', nested: [{ clientSecret: '[REDACTED]', headers: { authorization: '[REDACTED]', accept: 'json' } }] });
    expect(input.nested[0]!.clientSecret).toBe('x');
  });

  it('keeps errors as errors, with their message scrubbed', () => {
    const copy = redactValue(new Error('auth failed for xoxb-1-2-3')) as Error;
    expect(copy).toBeInstanceOf(Error);
    expect(copy.message).toBe('auth failed for xoxb-[REDACTED]');
    expect(copy.stack).not.toContain('xoxb-1-2-3');
  });

  it('survives cycles', () => {
    const looped: Record<string, unknown> = { name: 'a' };
    looped.self = looped;
    expect(redactValue(looped)).toEqual({ name: 'a', self: '[…]' });
  });
});

describe('knownSecrets', () => {
  it('takes secret variables and URL passwords, nothing else', () => {
    const secrets = knownSecrets({
      SLACK_BOT_TOKEN: 'xoxb-123-456',
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      CALENDAR_FEED_KEY: 'feed-key-0123456789abcdef',
      DATABASE_URL: 'postgres://corridor:p%40ssw0rd@db/corridor',
      CORRIDOR_CHANNEL: 'C0123456789',
      PORT: 3000,
    });
    expect(secrets.sort()).toEqual(['abcdef0123456789', 'feed-key-0123456789abcdef', 'p%40ssw0rd', 'p@ssw0rd', 'xoxb-123-456']);
  });
});

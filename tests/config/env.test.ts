import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, parseConfig } from '../../src/config/env.js';

describe('parseConfig', () => {
  it('runs the local console with no Slack credentials, with documented defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      slackMode: 'console',
      PORT: 3000,
      CORRIDOR_TZ: 'America/Toronto',
      DATABASE_URL: 'sqlite:./data/corridor.sqlite',
      CORRIDOR_ADMINS: [],
      REMINDER_CRON: '0 10 * * 2',
      DIGEST_CRON: '0 9 * * 1',
      EVENT_REMINDER_CRON: '0 9 * * *',
      NOTION_MAX_RPS: 3,
      CORRIDOR_HOLIDAYS: [{ country: 'CA', state: 'QC' }],
    });
    expect(config.PUBLIC_URL).toBeUndefined();
    expect(config.CALENDAR_FEED_KEY).toBeUndefined();
  });

  it('reads the holiday regions, the public URL without its trailing slash, and the feed key', () => {
    const config = parseConfig({ CORRIDOR_HOLIDAYS: 'ca-qc, US-VT,US-NH', PUBLIC_URL: 'https://corridor.example.org/', CALENDAR_FEED_KEY: 'k'.repeat(16) });
    expect(config.CORRIDOR_HOLIDAYS).toEqual([
      { country: 'CA', state: 'QC' },
      { country: 'US', state: 'VT' },
      { country: 'US', state: 'NH' },
    ]);
    expect(config.PUBLIC_URL).toBe('https://corridor.example.org');
    expect(parseConfig({ CORRIDOR_HOLIDAYS: '' }).CORRIDOR_HOLIDAYS).toEqual([]);
  });

  it('chooses HTTP with a token and a signing secret, Socket Mode with an app token', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slackMode).toBe('http');
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slackMode).toBe('socket');
  });

  it('splits admins and treats blank values as unset', () => {
    const config = parseConfig({ CORRIDOR_ADMINS: ' U0ALICE, W0BOB ,', SLACK_API_URL: '  ', CORRIDOR_CHANNEL: '' });
    expect(config.CORRIDOR_ADMINS).toEqual(['U0ALICE', 'W0BOB']);
    expect(config.SLACK_API_URL).toBeUndefined();
    expect(config.CORRIDOR_CHANNEL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ CORRIDOR_TZ: 'Mars/Olympus' }, /^CORRIDOR_TZ: expected an IANA time zone/],
    [{ SLACK_API_URL: 'not a url' }, /^SLACK_API_URL: expected a URL/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' }, /^SLACK_BOT_TOKEN: expected a bot token/],
    [{ SLACK_SIGNING_SECRET: 's' }, /^SLACK_BOT_TOKEN: required/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: required/],
    [{ CORRIDOR_ADMINS: 'alice' }, /^CORRIDOR_ADMINS: expected comma-separated Slack user IDs/],
    [{ CORRIDOR_CHANNEL: '#general' }, /^CORRIDOR_CHANNEL: expected a channel ID/],
    [{ REMINDER_CRON: 'every monday' }, /^REMINDER_CRON: expected a cron expression/],
    [{ DIGEST_CRON: '61 9 * * 1' }, /^DIGEST_CRON: expected a cron expression/],
    [{ EVENT_REMINDER_CRON: 'daily' }, /^EVENT_REMINDER_CRON: expected a cron expression/],
    [{ NOTION_MAX_RPS: '0' }, /^NOTION_MAX_RPS: /],
    [{ CORRIDOR_HOLIDAYS: 'CA-QC,US-XX' }, /^CORRIDOR_HOLIDAYS: "US-XX" is not a region with known public holidays/],
    [{ CORRIDOR_HOLIDAYS: 'Quebec' }, /^CORRIDOR_HOLIDAYS: "Quebec" is not a region/],
    [{ PUBLIC_URL: 'corridor.example.org' }, /^PUBLIC_URL: expected the app’s public address/],
    [{ PUBLIC_URL: 'ftp://corridor.example.org' }, /^PUBLIC_URL: expected the app’s public address/],
    [{ CALENDAR_FEED_KEY: 'short' }, /^CALENDAR_FEED_KEY: expected a secret of at least 16 characters/],
  ])('names the faulty variable in one line: %o', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('.env.example', () => {
  const example = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));

  it('documents every variable the app reads', () => {
    expect(Object.keys(example).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('works as it is: copied to .env it starts the local console', () => {
    expect(parseConfig(example).slackMode).toBe('console');
  });
});

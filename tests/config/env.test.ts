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

describe('a refused setting', () => {
  function messageOf(env: NodeJS.ProcessEnv): string {
    try {
      parseConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    }
    return expect.unreachable();
  }

  it('echoes the value it refused', () => {
    expect(messageOf({ PORT: 'eighty' })).toBe('PORT: expected a port number (got "eighty")');
    expect(messageOf({ CORRIDOR_CHANNEL: '#general' })).toBe('CORRIDOR_CHANNEL: expected a channel ID such as C0123456789 (got "#general")');
  });

  it('refuses a bare path as DATABASE_URL with the sqlite: form to write, and takes that form', () => {
    expect(messageOf({ DATABASE_URL: './foo.sqlite' })).toBe(
      'DATABASE_URL: "./foo.sqlite" is a path, not a URL: write sqlite:./foo.sqlite to keep the database in that file (the default is sqlite:./data/corridor.sqlite)',
    );
    expect(messageOf({ DATABASE_URL: '/var/lib/corridor.db' })).toMatch(/^DATABASE_URL: "\/var\/lib\/corridor\.db" is a path, not a URL: write sqlite:\/var\/lib\/corridor\.db/);
    expect(parseConfig({ DATABASE_URL: 'sqlite:./foo.sqlite' }).DATABASE_URL).toBe('sqlite:./foo.sqlite');
    // Left empty or blank, as a .env file often has it, it means the default.
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBe('sqlite:./data/corridor.sqlite');
    expect(parseConfig({ DATABASE_URL: '  ' }).DATABASE_URL).toBe('sqlite:./data/corridor.sqlite');
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@db/corridor' }).DATABASE_URL).toBe('postgres://u:p@db/corridor');
  });

  it('names the faulty entry of CORRIDOR_ADMINS', () => {
    expect(messageOf({ CORRIDOR_ADMINS: 'U123,bad' })).toBe(
      'CORRIDOR_ADMINS: expected comma-separated Slack user IDs such as U0123,U0456 (entry 2, "bad", is not one)',
    );
  });

  it('never echoes a token or a secret, nor a password in a URL', () => {
    const token = messageOf({ SLACK_BOT_TOKEN: 'xoxp-1234-secret-user-token', SLACK_SIGNING_SECRET: 's' });
    expect(token).toMatch(/^SLACK_BOT_TOKEN: expected a bot token/);
    expect(token).not.toContain('secret-user-token');
    expect(messageOf({ SLACK_APP_TOKEN: 'xoxb-not-an-app-token-secret', SLACK_BOT_TOKEN: 'xoxb-1' })).not.toContain('secret');
    const url = messageOf({ NOTION_BASE_URL: 'https://user:hunter2@' });
    expect(url).toMatch(/^NOTION_BASE_URL: /);
    expect(url).not.toContain('hunter2');
  });

  it.each([
    ['a space', 'https://corridor:hunter2 hunter2@slack.example.org:port/api/'],
    ['a slash', 'https://corridor:hun/ter2@slack.example.org/api/'],
    ['an at sign', 'https://corridor:hun@ter2@slack.example.org:port/api/'],
  ])('never echoes a password holding %s inside SLACK_API_URL', (_, url) => {
    const message = messageOf({ SLACK_API_URL: url });
    expect(message).toMatch(/^SLACK_API_URL: expected a URL/);
    expect(message).toContain('slack.example.org');
    for (const part of ['hunter2', 'hun', 'ter2']) expect(message).not.toContain(part);
  });

  it('never echoes a token, nor the signing secret, pasted into CORRIDOR_ADMINS', () => {
    const token = messageOf({ CORRIDOR_ADMINS: 'U0123,xoxb-1234-5678-AbCdEfGhIjKl' });
    expect(token).toMatch(/^CORRIDOR_ADMINS: .*\(entry 2, /);
    expect(token).not.toContain('AbCdEfGhIjKl');
    const secret = messageOf({ SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5', SLACK_BOT_TOKEN: 'xoxb-1', CORRIDOR_ADMINS: '8f742231b10e8888abcd99yyyzzz85a5' });
    expect(secret).toMatch(/^CORRIDOR_ADMINS: /);
    expect(secret).not.toContain('8f742231b10e8888abcd99yyyzzz85a5');
  });

  it('never echoes a CALENDAR_FEED_KEY too short to keep', () => {
    const message = messageOf({ CALENDAR_FEED_KEY: 'short-feed-key' });
    expect(message).toMatch(/^CALENDAR_FEED_KEY: /);
    expect(message).not.toContain('short-feed-key');
  });

  it.each([
    ['EST', 'America/Toronto'],
    ['EDT', 'America/Toronto'],
    ['est', 'America/Toronto'],
    ['PST', 'America/Vancouver'],
    ['CST6CDT', 'America/Winnipeg'],
    ['ET', 'America/Toronto'],
  ])('refuses the abbreviation %s and suggests %s', (zone, place) => {
    expect(messageOf({ CORRIDOR_TZ: zone })).toBe(
      `CORRIDOR_TZ: "${zone}" is an abbreviation, not a place, and does not follow the place’s daylight saving time; use ${place}`,
    );
  });

  it.each(['America/Toronto', 'America/New_York', 'Europe/Paris', 'UTC', 'Etc/UTC', 'Etc/GMT+5'])('accepts the zone %s', (zone) => {
    expect(parseConfig({ CORRIDOR_TZ: zone }).CORRIDOR_TZ).toBe(zone);
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

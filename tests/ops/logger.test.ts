import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/ops/logger.js';
import { knownSecrets, Shown } from '../../src/ops/redact.js';

const BOT_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DB_PASSWORD = 'S3cr3t-pa55';
const DATABASE_URL = `postgres://corridor:${DB_PASSWORD}@db.internal:5432/corridor?sslmode=require`;

/** A JSON logger writing into memory; resolves its lines once pino has flushed them. */
function jsonLogger(secrets: string[] = []) {
  let text = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  });
  const logger = createLogger({ format: 'json', replica: 'host-a:42:abc123', secrets, destination });
  const lines = () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, raw: () => text };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LOG_FORMAT=json', () => {
  it('writes one JSON object per line, each with the replica, level, time and message', () => {
    const { logger, lines, raw } = jsonLogger();
    logger.setName('bolt-app');
    logger.info('corridor-bot listening on port', 3000, 'at /slack/events');
    logger.warn('CORRIDOR_CHANNEL is not set');
    logger.debug('not shown at the default level');
    expect(raw().split('\n').filter(Boolean)).toHaveLength(2);
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 'info', replica: 'host-a:42:abc123', name: 'bolt-app', msg: 'corridor-bot listening on port 3000 at /slack/events' });
    expect(new Date(String(first!.time)).toISOString()).toBe(first!.time);
    expect(second).toMatchObject({ level: 'warn', msg: 'CORRIDOR_CHANNEL is not set' });
  });

  it('follows the level Bolt sets', () => {
    const { logger, lines } = jsonLogger();
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('now shown');
    logger.setLevel(LogLevel.ERROR);
    logger.warn('hidden');
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
    expect(lines().map((line) => line.msg)).toEqual(['now shown']);
  });

  it('puts an error’s stack in err and its summary in the message', () => {
    const { logger, lines } = jsonLogger();
    logger.error('Unhandled error in a listener:', new TypeError('boom'));
    const [line] = lines();
    expect(line!.msg).toBe('Unhandled error in a listener: TypeError: boom');
    expect(line!.err).toMatchObject({ type: 'Error', message: 'boom', stack: expect.stringContaining('TypeError: boom') });
  });

  it('scrubs a bot token, a signing secret and a database password, wherever they are', () => {
    const secrets = knownSecrets({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, DATABASE_URL, PORT: 3000 });
    const { logger, raw, lines } = jsonLogger(secrets);
    logger.info(`token ${BOT_TOKEN}, secret ${SIGNING_SECRET}, database ${DATABASE_URL}`);
    logger.error('request failed', { headers: { Authorization: `Bearer ${BOT_TOKEN}` }, signingSecret: SIGNING_SECRET, url: DATABASE_URL });
    const failure = Object.assign(new Error(`connect to ${DATABASE_URL} failed`), { config: { token: BOT_TOKEN } });
    logger.error(failure);
    const text = raw();
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, DB_PASSWORD, 'AbCdEfGhIjKlMnOpQrStUvWx']) expect(text).not.toContain(secret);
    expect(lines()).toHaveLength(3);
    expect(lines()[0]!.msg).toBe(
      'token [REDACTED], secret [REDACTED], database postgres://corridor:[REDACTED]@db.internal:5432/corridor?sslmode=require',
    );
  });

  it('writes a part to show as it is, and scrubs the rest of its line and every other line', () => {
    const secrets = knownSecrets({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
    const { logger, lines } = jsonLogger(secrets);
    logger.warn('verification token:', new Shown('secret_shownToOperator01'), `and ${SIGNING_SECRET} token=secret_notShownAtAll0001`);
    logger.warn('token: secret_shownToOperator01');
    expect(lines().map((line) => line.msg)).toEqual(['verification token: secret_shownToOperator01 and [REDACTED] token=secret_[REDACTED]', 'token: secret_[REDACTED]']);
  });
});

describe('LOG_FORMAT=text', () => {
  it('keeps Bolt’s console lines, scrubbed', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const logger = createLogger({ format: 'text', secrets: [SIGNING_SECRET] });
    logger.setName('bolt-app');
    logger.info('listening with', { signingSecret: SIGNING_SECRET, token: 'xoxb-abc-def' }, `and ${SIGNING_SECRET}`);
    expect(info).toHaveBeenCalledWith('[INFO] ', 'bolt-app', "listening with { signingSecret: '[REDACTED]', token: '[REDACTED]' } and [REDACTED]");
  });

  it('writes a part to show as it is, the rest of the line scrubbed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const logger = createLogger({ format: 'text', secrets: [SIGNING_SECRET] });
    logger.warn('token:', new Shown('secret_shownToOperator01'), `not ${SIGNING_SECRET}`);
    expect(warn).toHaveBeenCalledWith('[WARN] ', '', 'token: secret_shownToOperator01 not [REDACTED]');
  });
});

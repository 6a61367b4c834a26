import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError, runCli } from '../../src/cli/cli-support.js';
import { ConfigError } from '../../src/config/env.js';
import { SlackCredentialsError } from '../../src/slack/app.js';
import { DatabaseOpenError, UnsupportedDatabaseError } from '../../src/store/database-errors.js';

// The one convention of every CLI (start, sync, notion:setup, remind, digest, event-reminder).

function capture() {
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
  const logged: unknown[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(...args));
  return { written, logged };
}

// The lines below are English: the language of the shell running the tests must not matter.
beforeEach(() => {
  vi.stubEnv('LANG', 'C.UTF-8');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = 0;
});

describe('runCli', () => {
  it('exits with the code the command returns', async () => {
    await runCli(async () => 1);
    expect(process.exitCode).toBe(1);
    await runCli(async () => undefined);
    expect(process.exitCode).toBe(0);
  });

  it.each([
    new CliError('expected --lang fr or --lang en'),
    new ConfigError('PORT: expected a port number'),
    new UnsupportedDatabaseError('DATABASE_URL uses an unsupported database (postgres)'),
    new DatabaseOpenError('DATABASE_URL: cannot open /root/x.sqlite (permission denied)'),
    new SlackCredentialsError('SLACK_BOT_TOKEN: Slack refused the token (invalid_auth)'),
  ])('prints a user error in one line and exits 1: %s', async (error) => {
    const { written, logged } = capture();
    await runCli(async () => {
      throw error;
    });
    expect(process.exitCode).toBe(1);
    expect(written).toEqual([`corridor-bot: ${error.message}\n`]);
    expect(logged).toEqual([]);
  });

  it('prints an unexpected error in one line and exits 2, with the stack only under DEBUG', async () => {
    vi.stubEnv('DEBUG', '');
    const quiet = capture();
    await runCli(async () => {
      throw new TypeError('cannot read properties of undefined\n    at somewhere');
    });
    expect(process.exitCode).toBe(2);
    expect(quiet.written).toEqual(['corridor-bot: unexpected error: cannot read properties of undefined\n']);
    expect(quiet.logged).toEqual([]);
    vi.restoreAllMocks();

    vi.stubEnv('DEBUG', '1');
    const debug = capture();
    await runCli(async () => {
      throw new TypeError('boom');
    });
    expect(process.exitCode).toBe(2);
    expect(debug.written).toEqual(['corridor-bot: unexpected error: boom\n']);
    expect(debug.logged).toEqual([expect.objectContaining({ message: 'boom', stack: expect.stringContaining('TypeError: boom') })]);
  });
});

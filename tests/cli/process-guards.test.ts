import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, spawnTs } from '../support/run-cli.js';

describe('installProcessGuards', () => {
  it('logs an unhandled rejection and an uncaught exception in one line each, and the process carries on', async () => {
    const result = await runCli('tests/support/scripts/escaped-errors.ts');
    expect(result.stdout).toBe('still serving\n');
    expect(result.stderr.trim().split('\n')).toEqual([
      'corridor-bot: unhandled rejection: Error: nobody awaited this',
      "corridor-bot: uncaught exception: TypeError: Cannot read properties of null (reading 'ssl_check')",
    ]);
    expect(result.code).toBe(0);
  });
});

describe('a closed output pipe', () => {
  it('ends the bot instead of spinning on EPIPE, as `npm start 2>&1 | head -1` would leave it', async () => {
    const child = spawnTs('src/cli/start.ts', [], { env: cleanEnv() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The reader goes away after the first line, as `head -1` does.
    child.stdout.once('data', () => {
      child.stdout.destroy();
      child.stderr.destroy();
      child.stdin.write('/corridor pending\n/corridor partners\n/corridor pending\n');
    });
    const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 15_000).unref());
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === 'still running') child.kill('SIGKILL');
    expect(outcome).not.toBe('still running');
  }, 30_000);
});

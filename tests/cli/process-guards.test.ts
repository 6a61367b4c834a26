import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

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

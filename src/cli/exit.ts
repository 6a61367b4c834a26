import { ConfigError } from '../config/env.js';
import { SlackCredentialsError } from '../slack/app.js';
import { UnsupportedDatabaseError } from '../store/open-store.js';

/** Errors the user can fix: one clear line, no stack trace. */
const USER_ERRORS = [ConfigError, UnsupportedDatabaseError, SlackCredentialsError];

/** Runs a CLI entry point; known errors print one line and exit 1, others exit 2 with detail. */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (error) {
    if (USER_ERRORS.some((kind) => error instanceof kind)) {
      process.stderr.write(`corridor-bot: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`corridor-bot: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 2;
  }
}

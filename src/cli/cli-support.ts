import { ConfigError, type Config } from '../config/env.js';
import type { Lang } from '../i18n/index.js';
import { SlackCredentialsError } from '../slack/app.js';
import { DatabaseOpenError, UnsupportedDatabaseError } from '../store/open-store.js';

/** A mistake the user can fix (bad input, Notion not configured, a refused parent page…). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Errors the user can fix: bad config, bad input, an unsupported or unreachable database,
 * credentials Slack refused. They end in one line and exit code 1.
 */
const USER_ERRORS = [CliError, ConfigError, UnsupportedDatabaseError, DatabaseOpenError, SlackCredentialsError];

/**
 * Runs a CLI entry point to its exit code. A user error prints one line and exits 1; anything
 * else is unexpected: one line and exit 2, with the stack trace only when DEBUG is set.
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (USER_ERRORS.some((kind) => error instanceof kind)) {
      process.stderr.write(`corridor-bot: ${firstLine((error as Error).message)}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`corridor-bot: unexpected error: ${firstLine(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 2;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** `--name value` or `--name=value`. */
export function option(argv: readonly string[], name: string): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === `--${name}`) return argv[index + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** `--lang fr|en`, else the channel's language (French when it is French only). */
export function cliLang(argv: readonly string[], config: Pick<Config, 'CORRIDOR_CHANNEL_LANG'> | undefined, badLang: string): Lang {
  const given = option(argv, 'lang');
  if (given === undefined) return config?.CORRIDOR_CHANNEL_LANG === 'fr' ? 'fr' : 'en';
  if (given !== 'fr' && given !== 'en') throw new CliError(badLang);
  return given;
}

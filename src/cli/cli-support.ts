import { ConfigError, loadConfig, type Config } from '../config/env.js';
import type { Lang } from '../i18n/index.js';

/** Raised for bad input: printed as one line, exit code 2 (usage) or 1. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

export function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}

/** `--name value` or `--name=value`. */
export function option(argv: string[], name: string): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === `--${name}`) return argv[index + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** `--lang fr|en`, else the channel's language (French when it is French only). */
export function cliLang(argv: string[], config: Pick<Config, 'CORRIDOR_CHANNEL_LANG'> | undefined, badLang: string): Lang {
  const given = option(argv, 'lang');
  if (given === undefined) return config?.CORRIDOR_CHANNEL_LANG === 'fr' ? 'fr' : 'en';
  if (given !== 'fr' && given !== 'en') throw new CliError(badLang, 2);
  return given;
}

/** Runs a CLI body: bad input and failures end in one line on stderr, never a stack trace. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${message.split('\n')[0]}\n`);
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    },
  );
}

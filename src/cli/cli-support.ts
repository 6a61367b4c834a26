import { BilingualError, bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue, langFromLocale, type Lang } from '../i18n/index.js';

/** A mistake the user can fix (bad input, Notion not configured, a refused parent page…). */
export class CliError extends BilingualError {}

export interface RunCliOptions {
  /** The command takes `--lang fr|en` (sync, notion:setup); the others follow LANG only. */
  langOption?: boolean;
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a CLI entry point to its exit code, in the CLI's language (see cliLang), which `main`
 * receives. A user error prints one line and exits 1; anything else is unexpected: one line and
 * exit 2, with the stack trace only when DEBUG is set.
 */
export async function runCli(main: (lang: Lang) => Promise<number | void>, options: RunCliOptions = {}): Promise<void> {
  const { langOption = false, argv = process.argv.slice(2), env = process.env } = options;
  const lang = cliLang(langOption ? argv : [], env);
  try {
    if (langOption) checkLangOption(argv);
    process.exitCode = (await main(lang)) ?? 0;
  } catch (error) {
    // Errors the user can fix (bad config or input, an unsupported or unreachable database,
    // credentials Slack refused) are the ones that carry a bilingual text: one line, exit code 1.
    if (error instanceof BilingualError) {
      process.stderr.write(`corridor-bot: ${firstLine(error.text[lang])}\n`);
      process.exitCode = 1;
      return;
    }
    const message = firstLine(error instanceof Error ? error.message : String(error));
    process.stderr.write(`corridor-bot: ${catalogue(lang).cli.unexpected(message)}\n`);
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

/**
 * The one place deciding a CLI's language: `--lang fr|en` for the commands that take it (pass
 * their arguments; an empty list for the others), otherwise LANG (`fr…` reads French, anything
 * else English).
 */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const given = option(argv, 'lang');
  if (given === 'fr' || given === 'en') return given;
  return langFromLocale(env.LANG);
}

/** Refuses a `--lang` other than fr or en. */
export function checkLangOption(argv: readonly string[]): void {
  const given = option(argv, 'lang');
  if (given !== undefined && given !== 'fr' && given !== 'en') throw new CliError(bothLanguages((words) => words.notion.errors.badLang));
}

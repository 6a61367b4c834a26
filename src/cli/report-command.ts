import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadEnv, type Env } from '../config/env.js';
import { localIsoDate } from '../domain/dates.js';
import { lastFullMonth, parseReportPeriod, type ReportPeriod } from '../domain/report-period.js';
import type { Audience } from '../domain/permissions.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { formatReportPeriod } from '../i18n/format.js';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';
import { buildReport, RECORD_KINDS, type ReportLang } from '../reports/report-files.js';
import { openStore } from '../store/open-store.js';
import { CliError } from './cli-support.js';

/** Where the files go when --out is not given. */
export const DEFAULT_REPORT_DIR = './reports';

export interface ReportArgs {
  help: boolean;
  out: string;
  /** Undefined: the last full month, as of the day the command runs. */
  period?: ReportPeriod;
  lang: ReportLang;
  audience: Audience;
}

const usage = (all: Catalogue) => all.report.cli.usage;

/** Reads `--out DIR --period P --lang fr|en|both --public --help` (`--name=value` too); a mistake is one line and exit 1. */
export function parseReportArgs(argv: readonly string[]): ReportArgs {
  const args: ReportArgs = { help: false, out: DEFAULT_REPORT_DIR, lang: 'both', audience: 'internal' };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const given = inline ?? argv[(index += 1)];
      if (given === undefined || given === '') throw new CliError(bothLanguages((all) => all.report.cli.missingValue(name, usage(all))));
      return given;
    };
    if (name === '--help' || name === '-h') args.help = true;
    else if (name === '--public') args.audience = 'public';
    else if (name === '--out') args.out = value();
    else if (name === '--period') {
      const typed = value();
      args.period = parseReportPeriod(typed);
      if (!args.period) throw new CliError(bothLanguages((all) => all.report.cli.badPeriod(typed, usage(all))));
    } else if (name === '--lang') {
      const typed = value();
      if (typed !== 'fr' && typed !== 'en' && typed !== 'both') throw new CliError(bothLanguages((all) => all.report.cli.badLang(typed, usage(all))));
      args.lang = typed;
    } else throw new CliError(bothLanguages((all) => all.cli.unknownOption(arg, usage(all))));
  }
  return args;
}

export interface ReportCommandIo {
  stdout: NodeJS.WritableStream;
  lang: Lang;
  env?: () => Env;
  clock?: () => Date;
}

/** `npm run report`: writes the period's PDF, its CSV files and corridor.xlsx into --out; needs no credentials. */
export async function runReportCommand(argv: readonly string[], io: ReportCommandIo): Promise<number> {
  const words = catalogue(io.lang).report;
  const args = parseReportArgs(argv);
  if (args.help) {
    io.stdout.write(`${[words.cli.usage, ...words.cli.purpose].join('\n')}\n`);
    return 0;
  }
  const env = (io.env ?? (() => loadEnv()))();
  const now = (io.clock ?? (() => new Date()))();
  const period = args.period ?? lastFullMonth(localIsoDate(now, env.CORRIDOR_TZ));
  const store = await openStore(env.DATABASE_URL, { poolMax: env.DATABASE_POOL_MAX });
  try {
    const report = await buildReport(store, { period, lang: args.lang, audience: args.audience, now, timeZone: env.CORRIDOR_TZ });
    const files = [report.pdf, report.workbook, ...RECORD_KINDS.map((kind) => report.csv[kind])];
    const dir = resolve(args.out);
    const paths = await writeAll(dir, files);
    io.stdout.write(`${words.cli.wrote(files.length, dir, formatReportPeriod(period, io.lang), words.edition[args.audience])}\n${paths.map((path) => `  ${path}`).join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function writeAll(dir: string, files: readonly { name: string; bytes: Buffer }[]): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
    return await Promise.all(
      files.map(async ({ name, bytes }) => {
        const path = join(dir, name);
        await writeFile(path, bytes);
        return path;
      }),
    );
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new CliError(bothLanguages((all) => all.report.cli.cannotWrite(dir, reason)));
  }
}

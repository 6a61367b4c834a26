import { existsSync } from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { holidayRegion, type HolidayRegion } from '../domain/holidays.js';
import type { BilingualText } from '../domain/types.js';
import { BilingualError, bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue } from '../i18n/index.js';
import { isSecretKey, knownSecrets, maskUrlCredentials, scrubText } from '../ops/redact.js';
import { timeZoneProblem } from './time-zone.js';

/** The embedded SQLite file, when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/corridor.sqlite';

/** Why a variable is refused, in English; the French text is in the same catalogue section. */
const expected = catalogue('en').config;
type Described = keyof typeof expected;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

function optionalMatching(pattern: RegExp, expected: string) {
  return optionalText.refine((value) => value === undefined || pattern.test(value), { message: expected });
}

const timeZone = z.string().refine((value) => timeZoneProblem(value) === undefined, { message: expected.CORRIDOR_TZ });

function cronExpression(fallback: string, variable: Described) {
  return z
    .string()
    .trim()
    .default(fallback)
    .refine((value) => cron.validate(value), { message: expected[variable] });
}

/** `CA-QC,US-VT,US-NH`: regions whose public holidays the scheduled posts skip; empty for none. */
const holidayRegions = z
  .string()
  .trim()
  .default('CA-QC')
  .transform((value, context) => {
    const regions: HolidayRegion[] = [];
    for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const region = holidayRegion(entry);
      if (!region) {
        context.addIssue({ code: 'custom', message: expected.CORRIDOR_HOLIDAYS, params: { entry } });
        return z.NEVER;
      }
      regions.push(region);
    }
    return regions;
  });

/** The app's public address, for links back to it (calendar files); no trailing slash. */
const publicUrl = optionalText
  .pipe(z.url({ protocol: /^https?$/, message: expected.PUBLIC_URL }).optional())
  .transform((value) => value?.replace(/\/+$/, ''));

export const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalMatching(/^xoxb-/, expected.SLACK_BOT_TOKEN),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalMatching(/^xapp-/, expected.SLACK_APP_TOKEN),
  SLACK_API_URL: optionalText.pipe(z.url({ message: expected.SLACK_API_URL }).optional()),
  PORT: z.coerce.number({ message: expected.PORT }).int().min(0).max(65535).default(3000),
  // A URL, as documented: a bare path is refused with the sqlite: form to write (see describeIssue).
  // Left empty (`DATABASE_URL=` in a .env file) it means the default, as unset does.
  DATABASE_URL: optionalText.refine((value) => value === undefined || !isBarePath(value)).transform((value) => value ?? DEFAULT_DATABASE_URL),
  DATABASE_POOL_MAX: z.coerce.number({ message: expected.DATABASE_POOL_MAX }).int().min(1).max(100).default(10),
  /** text (Bolt's console lines) or json (one object per line, for log collectors). */
  LOG_FORMAT: z.enum(['text', 'json'], { message: expected.LOG_FORMAT }).default('text'),
  /** Where /healthz, /readyz and /metrics listen in Socket Mode (in HTTP mode they share PORT). */
  HEALTH_PORT: optionalMatching(/^\d{1,5}$/, expected.HEALTH_PORT)
    .refine((value) => value === undefined || Number(value) <= 65535, { message: expected.HEALTH_PORT })
    .transform((value) => (value === undefined ? undefined : Number(value))),
  CORRIDOR_CHANNEL: optionalMatching(/^[CG][A-Z0-9]{2,}$/, expected.CORRIDOR_CHANNEL),
  CORRIDOR_CHANNEL_LANG: z.enum(['fr', 'en', 'both'], { message: expected.CORRIDOR_CHANNEL_LANG }).default('both'),
  CORRIDOR_ADMINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, expected.CORRIDOR_ADMINS))),
  CORRIDOR_TZ: timeZone.default('America/Toronto'),
  REMINDER_CRON: cronExpression('0 10 * * 2', 'REMINDER_CRON'),
  DIGEST_CRON: cronExpression('0 9 * * 1', 'DIGEST_CRON'),
  EVENT_REMINDER_CRON: cronExpression('0 9 * * *', 'EVENT_REMINDER_CRON'),
  NUDGE_CRON: cronExpression('30 8 * * 1', 'NUDGE_CRON'),
  /** The monthly report: the weekday nearest the 1st (the first working day, holidays held over) at 09:00. */
  REPORT_CRON: cronExpression('0 9 1W * *', 'REPORT_CRON'),
  /** The monthly report's edition; unset, public when CORRIDOR_CHANNEL is shared with other organisations. */
  REPORT_AUDIENCE: optionalText.pipe(z.enum(['public', 'internal'], { message: expected.REPORT_AUDIENCE }).optional()),
  CORRIDOR_HOLIDAYS: holidayRegions,
  PUBLIC_URL: publicUrl,
  /** Opens GET /calendar.ics?key=… and signs the per-event calendar links; unset, calendars are off. */
  CALENDAR_FEED_KEY: optionalText.refine((value) => value === undefined || value.length >= 16, { message: expected.CALENDAR_FEED_KEY }),
  NOTION_TOKEN: optionalText,
  NOTION_BASE_URL: optionalText.pipe(z.url({ message: expected.NOTION_BASE_URL }).optional()),
  NOTION_PARTNERS_DATABASE_ID: optionalText,
  NOTION_ACTIONS_DATABASE_ID: optionalText,
  /** The People database; unset, people are not synced (installations made before it existed). */
  NOTION_PEOPLE_DATABASE_ID: optionalText,
  /** The Events database; unset, events are not synced (installations made before it existed). */
  NOTION_EVENTS_DATABASE_ID: optionalText,
  NOTION_MAX_RPS: z.coerce.number({ message: expected.NOTION_MAX_RPS }).positive().max(100).default(3),
  NOTION_SYNC_CRON: cronExpression('*/15 * * * *', 'NOTION_SYNC_CRON'),
  /** Notion's webhook verification token: signs every event sent to /notion/webhooks (a secret). */
  NOTION_WEBHOOK_VERIFICATION_TOKEN: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  /** How the app reaches Slack: none (local console), HTTP receiver, or Socket Mode. */
  slackMode: 'console' | 'http' | 'socket';
}

/** A configuration the user must fix, in one line, in both languages (`message`: the English). */
export class ConfigError extends BilingualError {}

/** Validates the environment; the error names the first faulty variable in one line. */
export function parseConfig(source: NodeJS.ProcessEnv): Config {
  const env = parseEnv(source);
  return { ...env, slackMode: slackModeOf(env) };
}

/**
 * Validates the variables without deciding how the app reaches Slack: for one-off commands
 * such as `npm run digest`, which only post and need no signing secret or app token.
 */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source, { reportInput: true });
  if (!result.success) throw new ConfigError(describeIssue(result.error.issues[0]!, source));
  return result.data;
}

const ECHO_LIMIT = 80;

/** A path where a URL is expected (`./foo.sqlite`, `/var/lib/corridor.db`): no `scheme:` before it. */
function isBarePath(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

/** The faulty variable, why, and the value it holds (the faulty entry of a list, by position). */
function describeIssue(issue: z.core.$ZodIssue, source: NodeJS.ProcessEnv): BilingualText | string {
  const name = String(issue.path[0] ?? 'environment');
  const region = issue.code === 'custom' ? (issue.params as { entry?: string } | undefined)?.entry : undefined;
  if (region !== undefined) return bothLanguages((words) => words.cli.errors.unknownHolidayRegion(region));
  if (!Object.hasOwn(expected, name)) return `${name}: ${issue.message}`;
  const entry = typeof issue.path[1] === 'number' ? issue.path[1] + 1 : undefined;
  const raw = entry === undefined ? source[name] : issue.input;
  if (name === 'CORRIDOR_TZ' && typeof raw === 'string') {
    const problem = timeZoneProblem(raw.trim());
    if (problem?.kind === 'abbreviation') return bothLanguages((words) => words.cli.errors.timeZoneAbbreviation(raw.trim(), problem.suggestion));
  }
  // A secret variable's value is never echoed: it would put a secret in a terminal or a log.
  const value = isSecretKey(name) || typeof raw !== 'string' ? undefined : echoable(raw, knownSecrets(source));
  if (name === 'DATABASE_URL' && value !== undefined && isBarePath(value.trim())) return bothLanguages((words) => words.cli.errors.bareDatabasePath(value.trim()));
  return bothLanguages((words) => {
    const why = `${name}: ${words.config[name as Described]}`;
    if (value === undefined) return why;
    return entry === undefined ? words.cli.errors.gotValue(why, value) : words.cli.errors.gotEntry(why, value, entry);
  });
}

/**
 * One line, not too long, with no secret: a URL's user and password masked, then anything shaped
 * like a token and the values of the environment's secret variables (one pasted in the wrong variable).
 */
function echoable(value: string, secrets: readonly string[]): string {
  const masked = scrubText(maskUrlCredentials(value), secrets).replace(/\s+/g, ' ');
  return masked.length > ECHO_LIMIT ? `${masked.slice(0, ECHO_LIMIT - 1)}…` : masked;
}

function slackModeOf(env: Env): Config['slackMode'] {
  const { SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: secret, SLACK_APP_TOKEN: appToken } = env;
  if (!token && !secret && !appToken) return 'console';
  if (!token) throw new ConfigError(bothLanguages((words) => words.cli.errors.tokenRequired));
  if (appToken) return 'socket';
  if (!secret) throw new ConfigError(bothLanguages((words) => words.cli.errors.secretRequired));
  return 'http';
}

/** Reads `.env` when present (without overriding variables already set), then validates. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** Like loadConfig, for commands that only post (see parseEnv). */
export function loadEnv(envFile = '.env'): Env {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseEnv(process.env);
}

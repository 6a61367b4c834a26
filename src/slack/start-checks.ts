import { ErrorCode, LogLevel, WebClient, type Logger, type WebAPICallError } from '@slack/web-api';
import type { Config } from '../config/env.js';
import { BilingualError, bothLanguages } from '../i18n/bilingual-error.js';
import type { Catalogue } from '../i18n/index.js';
import { maskUrlCredentials, scrubText } from '../ops/redact.js';

/** Slack refused the app's credentials at start-up: something the user must fix, not a crash. */
export class SlackCredentialsError extends BilingualError {}

/** Slack's Web API did not answer at start-up (DNS, refused connection, time-out, proxy error). */
export class SlackUnreachableError extends BilingualError {}

/** The HTTP port (or Socket Mode's health port) cannot be listened on. */
export class PortUnavailableError extends BilingualError {}

const CREDENTIAL_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/** Worst case 3 tries × 7 s + 1.5 s of back-off: start-up gives up within 30 s, not Bolt's minutes. */
export const REACH_ATTEMPT_TIMEOUT_MS = 7_000;
const REACH_RETRIES = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 1_000 };
/** The whole wait, as the message states it (rounded up). */
const REACH_BUDGET_S = Math.ceil((3 * REACH_ATTEMPT_TIMEOUT_MS + 1_500) / 1_000);

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** The check's tries stay quiet: their outcome is the one line the user reads. */
const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

/**
 * Checks once, before Bolt starts, that Slack answers and accepts the bot token (auth.test), within
 * a bounded wait and without the Web API client's warning per failed try: what cannot be reached
 * or is refused becomes one line for the user.
 */
export async function checkSlackReachable(config: Config): Promise<void> {
  const url = config.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  const client = new WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: url.endsWith('/') ? url : `${url}/`,
    timeout: REACH_ATTEMPT_TIMEOUT_MS,
    retryConfig: REACH_RETRIES,
    logger: silentLogger,
  });
  try {
    await client.auth.test();
  } catch (error) {
    // The URL is shown in the error: never its user and password.
    throw startError(error as WebAPICallError, maskUrlCredentials(url));
  }
}

function startError(error: WebAPICallError, url: string): Error {
  if (error.code === ErrorCode.PlatformError && CREDENTIAL_ERRORS.has(error.data.error)) {
    const code = error.data.error;
    return new SlackCredentialsError(bothLanguages((words) => words.cli.errors.slackRefusedToken(code)));
  }
  if (error.code === ErrorCode.RequestError || error.code === ErrorCode.HTTPError) {
    // fetch's own reason may quote the URL whole (it refuses one holding credentials).
    const reason = scrubText(unreachableReason(error));
    return new SlackUnreachableError(
      bothLanguages((words) => words.cli.errors.slackUnreachable(url, reasonText(reason, url, words))),
    );
  }
  return error;
}

/** ECONNREFUSED, ENOTFOUND, HTTP 502…; 'timeout' when no try got an answer; 'bad port' for a port fetch never connects to. */
function unreachableReason(error: WebAPICallError): string {
  if (error.code === ErrorCode.HTTPError) return `HTTP ${error.statusCode}`;
  const original = (error as { original?: Error & { cause?: { code?: string; message?: string } } }).original;
  if (!original || original.name === 'TimeoutError' || original.name === 'AbortError') return 'timeout';
  return original.cause?.code ?? original.cause?.message ?? original.message;
}

function reasonText(reason: string, url: string, words: Catalogue): string {
  if (reason === 'timeout') return words.cli.errors.noAnswerWithin(REACH_BUDGET_S);
  if (reason === 'bad port') return words.cli.errors.blockedPort(url);
  return reason;
}

/** EADDRINUSE or EACCES from listen: names the variable that chose the port. */
export function portError(error: unknown, variable: 'PORT' | 'HEALTH_PORT', port: number): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE') return new PortUnavailableError(bothLanguages((words) => words.cli.errors.portInUse(variable, port)));
  if (code === 'EACCES') return new PortUnavailableError(bothLanguages((words) => words.cli.errors.portNotAllowed(variable, port)));
  return error;
}

import { WebClient, type Logger, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config/env.js';

/** Every Web API call gives up after this long, so no listener waits on Slack for minutes. */
export const API_TIMEOUT_MS = 10_000;
/** A trigger_id expires 3 s after Slack sends it: opening a modal later is pointless. */
export const MODAL_TIMEOUT_MS = 2_500;

/** Options for Bolt's client: a deadline per call and two quick retries instead of the default ten. */
export function apiClientOptions(config: Config): WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {}),
    timeout: API_TIMEOUT_MS,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
  };
}

/** The client that opens modals from slash commands: one try, within the trigger's lifetime. */
export function modalClient(config: Config, logger?: Logger): WebClient {
  return new WebClient(config.SLACK_BOT_TOKEN, {
    ...apiClientOptions(config),
    timeout: MODAL_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(logger ? { logger } : {}),
  });
}

/** WebClient joins method names to slackApiUrl: it must end in a slash. */
export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

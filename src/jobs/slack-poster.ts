import type { KnownBlock } from '@slack/types';
import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  WebClientEvent,
  type Logger,
  type RetryOptions,
} from '@slack/web-api';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';
import type { JobLogger } from './job-logger.js';

export interface ChannelMessage {
  channel: string;
  text: string;
  blocks: KnownBlock[];
}

export type PostOutcome =
  | { ok: true; channel: string; ts: string }
  /** `error` is Slack's code (or a short description); `hint` says what to do about it. */
  | { ok: false; error: string; hint: string };

/** Posts a message to a channel; never throws for Slack's answers, it describes them. */
export interface Poster {
  post(message: ChannelMessage): Promise<PostOutcome>;
}

/**
 * How the posting client retries: HTTP 5xx and network errors back off from 1 s, and rate limits
 * wait as long as Slack's Retry-After says; five retries in all, so a run gives up within
 * minutes and never outlives its claim in the run ledger.
 */
export const POSTING_RETRY: RetryOptions = { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 30_000, randomize: true };

/** Slack allows about one message per second per channel. */
export const MIN_POST_INTERVAL_MS = 1000;

export interface PostingClientOptions {
  token: string;
  /** SLACK_API_URL, for an emulator or a proxy. */
  slackApiUrl?: string;
  retryConfig?: RetryOptions;
  logger?: Logger;
}

/** A WebClient for scheduled posts: waits out rate limits itself (Retry-After) and retries 5xx. */
export function createPostingClient({ token, slackApiUrl, retryConfig = POSTING_RETRY, logger }: PostingClientOptions): WebClient {
  return new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {}),
    retryConfig,
    // WebClient waits Retry-After seconds and retries by itself; it tells us through RATE_LIMITED.
    rejectRateLimitedCalls: false,
    ...(logger ? { logger } : { logLevel: LogLevel.ERROR }),
  });
}

export interface SlackPosterOptions {
  logger: JobLogger;
  /** The language of the hints and warnings: the CLI's; English (the default) in the server. */
  lang?: Lang;
  minIntervalMs?: number;
  /** Injected for tests: milliseconds now, and a wait. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Posts with a WebClient, one message at a time per channel, at most about one per second. */
export class SlackPoster implements Poster {
  private readonly lastPostAt = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: WebClient,
    private readonly options: SlackPosterOptions,
  ) {
    this.minIntervalMs = options.minIntervalMs ?? MIN_POST_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    client.on(WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number) => {
      options.logger.warn(catalogue(options.lang ?? 'en').cli.slack.waiting(String(retryAfterSeconds)));
    });
  }

  post(message: ChannelMessage): Promise<PostOutcome> {
    const previous = this.queues.get(message.channel) ?? Promise.resolve();
    const next = previous.then(() => this.paced(message));
    const settled = next.catch(() => undefined);
    this.queues.set(message.channel, settled);
    void settled.then(() => {
      if (this.queues.get(message.channel) === settled) this.queues.delete(message.channel);
    });
    return next;
  }

  private async paced(message: ChannelMessage): Promise<PostOutcome> {
    const last = this.lastPostAt.get(message.channel);
    if (last !== undefined) {
      const wait = last + this.minIntervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    try {
      const result = await this.client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { ok: true, channel: result.channel ?? message.channel, ts: result.ts ?? '' };
    } catch (error) {
      return describePostError(error, message.channel, this.options.lang);
    } finally {
      this.lastPostAt.set(message.channel, this.now());
    }
  }
}

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

/**
 * Slack's refusal as a code and one sentence saying what to do, in the operator's language: the
 * CLI's, or English for the running server, whose log lines (Bolt's logger) stay English.
 */
export function describePostError(error: unknown, channel: string, lang: Lang = 'en'): PostOutcome & { ok: false } {
  const words = catalogue(lang).cli.slack;
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    return { ok: false, error: code, hint: platformHint(code, channel, words) };
  }
  if (error instanceof WebAPIRateLimitedError) {
    return { ok: false, error: 'ratelimited', hint: words.rateLimited(String(error.retryAfter)) };
  }
  if (error instanceof WebAPIHTTPError) {
    return { ok: false, error: `http_${error.statusCode}`, hint: words.http(String(error.statusCode)) };
  }
  if (error instanceof WebAPIRequestError) {
    return { ok: false, error: 'request_failed', hint: words.unreachable(error.original.message) };
  }
  const text = error instanceof Error ? error.message : String(error);
  if (/rate limit/i.test(text)) {
    return { ok: false, error: 'ratelimited', hint: words.keptRateLimiting };
  }
  return { ok: false, error: 'unexpected', hint: text };
}

function platformHint(code: string, channel: string, words: Catalogue['cli']['slack']): string {
  if (code === 'not_in_channel') return words.notInChannel(channel);
  if (code === 'channel_not_found') return words.channelNotFound(channel);
  if (code === 'is_archived') return words.archived(channel);
  if (AUTH_ERRORS.has(code)) return words.badToken;
  if (code === 'missing_scope') return words.missingScope;
  if (code === 'invalid_blocks' || code === 'invalid_arguments') return words.badLayout;
  return words.refused(code);
}

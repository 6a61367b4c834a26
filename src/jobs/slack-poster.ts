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
      options.logger.warn(`Slack rate-limited the post; waiting ${retryAfterSeconds} s (Retry-After) before trying again.`);
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
      return describePostError(error, message.channel);
    } finally {
      this.lastPostAt.set(message.channel, this.now());
    }
  }
}

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

/** Slack's refusal as a code and one sentence saying what to do. */
export function describePostError(error: unknown, channel: string): PostOutcome & { ok: false } {
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    return { ok: false, error: code, hint: platformHint(code, channel) };
  }
  if (error instanceof WebAPIRateLimitedError) {
    return { ok: false, error: 'ratelimited', hint: `Slack asked to wait ${error.retryAfter} s; the next run will post it.` };
  }
  if (error instanceof WebAPIHTTPError) {
    return { ok: false, error: `http_${error.statusCode}`, hint: `Slack answered HTTP ${error.statusCode} even after retries; the next run will try again.` };
  }
  if (error instanceof WebAPIRequestError) {
    return { ok: false, error: 'request_failed', hint: `Slack could not be reached (${error.original.message}); check the network or SLACK_API_URL.` };
  }
  const text = error instanceof Error ? error.message : String(error);
  if (/rate limit/i.test(text)) {
    return { ok: false, error: 'ratelimited', hint: 'Slack kept rate-limiting the post through every retry; the next run will post it.' };
  }
  return { ok: false, error: 'unexpected', hint: text };
}

function platformHint(code: string, channel: string): string {
  if (code === 'not_in_channel') {
    return `the bot is not a member of channel ${channel}: invite it (type /invite @corridor in that channel), then run it again.`;
  }
  if (code === 'channel_not_found') {
    return `CORRIDOR_CHANNEL=${channel} is not a channel the bot can see: fix the channel ID (channel details → the ID at the bottom, C… or G…), or invite the bot if the channel is private.`;
  }
  if (code === 'is_archived') return `channel ${channel} is archived: unarchive it or set CORRIDOR_CHANNEL to another channel.`;
  if (AUTH_ERRORS.has(code)) {
    return 'Slack rejects SLACK_BOT_TOKEN: set the Bot User OAuth Token (xoxb-…) from the app’s OAuth & Permissions page.';
  }
  if (code === 'missing_scope') return 'the bot token lacks the chat:write scope: add it under OAuth & Permissions and reinstall the app.';
  if (code === 'invalid_blocks' || code === 'invalid_arguments') return 'Slack rejected the message’s layout; this is a bug to report.';
  return `Slack refused the post (${code}).`;
}

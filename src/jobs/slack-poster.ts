import type { KnownBlock } from '@slack/types';
import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type Logger,
  type RetryOptions,
} from '@slack/web-api';
import type { Audience } from '../domain/permissions.js';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';
import type { JobLogger } from './job-logger.js';
import { SharedChannels } from '../slack/shared-channels.js';
import { API_TIMEOUT_MS, withTrailingSlash } from '../slack/slack-clients.js';

/** What a scheduled post stands for: Slack keeps it as the message's metadata, so the post can be found again. */
export interface PostKey {
  job: string;
  period: string;
  /** A reply in the post's thread: which one (e.g. `details`), so a retry posts only those missing. */
  part?: string;
}

/** The metadata event type of every scheduled post (see Poster.findPosted). */
export const POST_METADATA_EVENT = 'corridor_scheduled_post';

export interface ChannelMessage {
  channel: string;
  text: string;
  blocks: KnownBlock[];
  /** Carried as message metadata, for scheduled posts. */
  key?: PostKey;
  /** Posts the message as a reply in this message's thread. */
  threadTs?: string;
}

export type PostOutcome =
  | { ok: true; channel: string; ts: string }
  /** `error` is Slack's code (or a short description); `hint` says what to do about it. */
  | { ok: false; error: string; hint: string };

/**
 * A file shared in a channel (files.uploadV2), as a reply in a post's thread. A file share carries
 * no metadata: it is known again by its name among the files in that thread (see filePart).
 */
export interface ChannelFile {
  channel: string;
  threadTs: string;
  name: string;
  title: string;
  bytes: Buffer;
  /** The text shared with the file. */
  comment?: string;
}

/** The `part` a file reply goes by in a thread (see Poster.findReplies): its name, which a retry looks for. */
export function filePart(name: string): string {
  return `file:${name}`;
}

export type UploadOutcome = { ok: true; channel: string } | { ok: false; error: string; hint: string };

/** Whether a post is already in the channel: its ts when found. */
export type FindOutcome = { ok: true; ts: string | undefined } | { ok: false; error: string; hint: string };

/** Which keyed replies (their `part`) a post's thread already holds. */
export type RepliesOutcome = { ok: true; parts: string[] } | { ok: false; error: string; hint: string };

/** Posts a message to a channel; never throws for Slack's answers, it describes them. */
export interface Poster {
  post(message: ChannelMessage): Promise<PostOutcome>;
  /**
   * Looks for a message posted under `key` since `oldest` in the channel's recent history: a run
   * that died after Slack accepted its post, but before recording it, left it there.
   */
  findPosted(channel: string, key: PostKey, oldest: Date): Promise<FindOutcome>;
  /** Who reads the channel: `public` when it is shared with other organisations, or when that cannot be told. */
  audienceOf(channel: string): Promise<Audience>;
  /** The parts of `key` already replied in the thread of `threadTs` (files shared there as filePart): a retry posts the others only. */
  findReplies(channel: string, threadTs: string, key: PostKey): Promise<RepliesOutcome>;
  /** Shares a file in a thread (files.uploadV2); absent in posters that only post messages. */
  upload?(file: ChannelFile): Promise<UploadOutcome>;
  /** The direct-message conversation with a user (conversations.open), where their own messages go; absent in posters that only reach a channel. */
  openDirectMessage?(userId: string): Promise<OpenOutcome>;
}

/** The channel ID of a direct-message conversation. */
export type OpenOutcome = { ok: true; channel: string } | { ok: false; error: string; hint: string };

/**
 * How the posting client retries HTTP 5xx and network errors: twice, from 1 s. With the call
 * time-out, a post gives up within the deadline below, far within a run-ledger claim's lease.
 * chat.postMessage is the exception: Slack may have taken a message it answered too late, so
 * the poster tries a keyed post again by the same rule only once the channel shows it is not there.
 */
export const POSTING_RETRY: RetryOptions = { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 4000, randomize: true };

/** A post (rate-limit waits included) ends by then: the CLI must end within a minute. */
export const POST_DEADLINE_MS = 45_000;

/** Slack allows about one message per second per channel. */
export const MIN_POST_INTERVAL_MS = 1000;

/** How far back, and how many messages at most, a lost post is looked for. */
const HISTORY_PAGES = 5;
const HISTORY_PAGE_SIZE = 200;

export interface PostingClientOptions {
  token: string;
  /** SLACK_API_URL, for an emulator or a proxy. */
  slackApiUrl?: string;
  retryConfig?: RetryOptions;
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * The poster's two clients on one token: `calls` (reads, conversations.open) retries 5xx and
 * network errors itself; `posts` sends chat.postMessage once per call, since a request it gave up
 * on may have landed: the poster looks for the message before trying again.
 */
export interface PostingClients {
  calls: WebClient;
  posts: WebClient;
  /** How the poster tries a keyed post again, once the channel shows it missing. */
  postRetry: RetryOptions;
}

export function createPostingClients(options: PostingClientOptions): PostingClients {
  const retry = options.retryConfig ?? POSTING_RETRY;
  return { calls: createPostingClient(options), posts: createPostingClient({ ...options, retryConfig: { ...retry, retries: 0 } }), postRetry: retry };
}

/** A WebClient for scheduled posts: every call has a time-out; 5xx and network errors are retried. */
export function createPostingClient({ token, slackApiUrl, retryConfig = POSTING_RETRY, timeoutMs = API_TIMEOUT_MS, logger }: PostingClientOptions): WebClient {
  return new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl: withTrailingSlash(slackApiUrl) } : {}),
    retryConfig,
    timeout: timeoutMs,
    // Rate limits come back to the poster, which waits Retry-After only while the deadline allows.
    rejectRateLimitedCalls: true,
    ...(logger ? { logger } : { logLevel: LogLevel.ERROR }),
  });
}

export interface SlackPosterOptions {
  logger: JobLogger;
  /** The language of the hints and warnings: the CLI's; English (the default) in the server. */
  lang?: Lang;
  /** The running app's, kept fresh by channel_shared events; by default one of the poster's own. */
  channels?: SharedChannels;
  minIntervalMs?: number;
  deadlineMs?: number;
  /** Injected for tests: milliseconds now, and a wait. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Posts with a WebClient, one message at a time per channel, at most about one per second. */
export class SlackPoster implements Poster {
  private readonly lastPostAt = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly minIntervalMs: number;
  private readonly deadlineMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly channels: SharedChannels;
  private readonly client: WebClient;
  private readonly postingClient: WebClient;
  private readonly postRetry: RetryOptions;

  /** The app passes createPostingClients; one WebClient (whose own retries then stand alone) serves both uses in some tests. */
  constructor(
    clients: WebClient | PostingClients,
    private readonly options: SlackPosterOptions,
  ) {
    this.client = clients instanceof WebClient ? clients : clients.calls;
    this.postingClient = clients instanceof WebClient ? clients : clients.posts;
    this.postRetry = clients instanceof WebClient ? { retries: 0 } : clients.postRetry;
    this.minIntervalMs = options.minIntervalMs ?? MIN_POST_INTERVAL_MS;
    this.deadlineMs = options.deadlineMs ?? POST_DEADLINE_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.channels = options.channels ?? new SharedChannels(this.client);
  }

  audienceOf(channel: string): Promise<Audience> {
    return this.channels.audienceOf(channel);
  }

  post(message: ChannelMessage): Promise<PostOutcome> {
    return this.inTurn(message.channel, () =>
      this.paced(message.channel, (deadline) => this.postLookingBeforeRetry(message, deadline)),
    );
  }

  /**
   * Shares a file as a thread reply with files.uploadV2. An upload Slack did not answer may have
   * landed: as for a message, it is tried again only once the thread shows it is not there.
   */
  async upload(file: ChannelFile): Promise<UploadOutcome> {
    const part = filePart(file.name);
    const send = async (): Promise<UploadOutcome> => {
      await this.postingClient.files.uploadV2({
        channel_id: file.channel,
        thread_ts: file.threadTs,
        file: file.bytes,
        filename: file.name,
        title: file.title,
        ...(file.comment ? { initial_comment: file.comment } : {}),
      });
      return { ok: true, channel: file.channel };
    };
    const look = async () => {
      const replies = await this.lookingUp(() => this.searchThread(file.channel, file.threadTs), file.channel);
      if (replies === 'unknown') return replies;
      return replies.some((reply) => reply.part === part) ? { ok: true as const, channel: file.channel } : undefined;
    };
    const outcome = await this.inTurn(file.channel, () =>
      this.paced(file.channel, (deadline) => this.tryLookingBeforeRetry(() => this.waitingOutRateLimits(send, deadline), look, deadline)),
    );
    return !outcome.ok && outcome.error === 'missing_scope' ? { ...outcome, hint: catalogue(this.options.lang ?? 'en').reportPost.missingFilesScope } : outcome;
  }

  /** One message (or file) at a time per channel. */
  private inTurn<T>(channel: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const next = previous.then(work);
    const settled = next.catch(() => undefined);
    this.queues.set(channel, settled);
    void settled.then(() => {
      if (this.queues.get(channel) === settled) this.queues.delete(channel);
    });
    return next;
  }

  async findPosted(channel: string, key: PostKey, oldest: Date): Promise<FindOutcome> {
    try {
      const ts = await withDeadline(this.searchHistory(channel, key, oldest), this.deadlineMs);
      return { ok: true, ts };
    } catch (error) {
      return describePostError(error, channel, this.options.lang);
    }
  }

  async findReplies(channel: string, threadTs: string, key: PostKey): Promise<RepliesOutcome> {
    try {
      const replies = await withDeadline(this.searchThread(channel, threadTs, key), this.deadlineMs);
      return { ok: true, parts: replies.map((reply) => reply.part) };
    } catch (error) {
      return describePostError(error, channel, this.options.lang);
    }
  }

  async openDirectMessage(userId: string): Promise<OpenOutcome> {
    try {
      const result = await withDeadline(this.client.conversations.open({ users: userId }), this.deadlineMs);
      const channel = result.channel?.id;
      return channel ? { ok: true, channel } : { ok: false, error: 'no_channel', hint: catalogue(this.options.lang ?? 'en').cli.slack.refused('no_channel') };
    } catch (error) {
      const outcome = describePostError(error, userId, this.options.lang);
      return outcome.error === 'missing_scope' ? { ...outcome, hint: catalogue(this.options.lang ?? 'en').nudges.cli.missingScope } : outcome;
    }
  }

  /** The keyed replies in a thread, each with its part and ts, and the files shared there (as filePart). */
  private async searchThread(channel: string, threadTs: string, key?: PostKey): Promise<{ part: string; ts: string }[]> {
    const parts: { part: string; ts: string }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page += 1) {
      const result = await this.client.conversations.replies({
        channel,
        ts: threadTs,
        limit: HISTORY_PAGE_SIZE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of result.messages ?? []) {
        const part = (message.metadata?.event_payload as Record<string, unknown> | undefined)?.part;
        if (message.ts && message.ts !== threadTs && key && isPostOf(message.metadata, key) && typeof part === 'string') parts.push({ part, ts: message.ts });
        // A file share carries no metadata: in the post's own thread, its file's name is its part
        // (whoever shared it: a PDF of that name in the thread is the one the post needs).
        if (message.ts && message.ts !== threadTs) parts.push(...(message.files ?? []).flatMap((file) => (file.name ? [{ part: filePart(file.name), ts: message.ts! }] : [])));
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) break;
    }
    return parts;
  }

  private async searchHistory(channel: string, key: PostKey, oldest: Date): Promise<string | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page += 1) {
      const result = await this.client.conversations.history({
        channel,
        oldest: (oldest.getTime() / 1000).toFixed(6),
        limit: HISTORY_PAGE_SIZE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      const found = result.messages?.find((message) => isPostOf(message.metadata, key));
      if (found?.ts) return found.ts;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) return undefined;
    }
    return undefined;
  }

  /** Waits its turn in the channel's pace, then works within the deadline; Slack's refusals are described, never thrown. */
  private async paced<T>(channel: string, work: (deadline: number) => Promise<T>): Promise<T | (PostOutcome & { ok: false })> {
    const last = this.lastPostAt.get(channel);
    if (last !== undefined) {
      const wait = last + this.minIntervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    try {
      return await withDeadline(work(this.now() + this.deadlineMs), this.deadlineMs);
    } catch (error) {
      return describePostError(error, channel, this.options.lang);
    } finally {
      this.lastPostAt.set(channel, this.now());
    }
  }

  /** A keyed message, looked for in the channel (or its thread) before it is tried again. */
  private postLookingBeforeRetry(message: ChannelMessage, deadline: number): Promise<PostOutcome> {
    // Slack stamps the message with its own clock: look back a little before the first try.
    const since = new Date(this.now() - CLOCK_MARGIN_MS);
    const { key } = message;
    const look = key && (async () => {
      const ts = await this.lookingUp(() => this.lookFor(message, key, since), message.channel);
      return ts === 'unknown' || ts === undefined ? ts : { ok: true as const, channel: message.channel, ts };
    });
    return this.tryLookingBeforeRetry(() => this.waitingOutRateLimits(() => this.sendMessage(message), deadline), look, deadline);
  }

  /**
   * A post that got no answer (a time-out, a dropped connection, a 5xx) may have landed: it is
   * tried again only once `look` (the channel, or the thread) shows it is not there; found there,
   * it is posted. Without a way to look, or when the channel cannot be read, the failure stands,
   * and the period's next run looks before posting.
   */
  private async tryLookingBeforeRetry<T>(send: () => Promise<T>, look: (() => Promise<T | undefined | 'unknown'>) | undefined, deadline: number): Promise<T> {
    const retry = this.postRetry;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send();
      } catch (error) {
        if (!look || !mayHaveLanded(error)) throw error;
        // Looked for after the last try too: a post that landed is reported as posted.
        const found = await look();
        if (found === 'unknown' || (!found && attempt >= (retry.retries ?? 0))) throw error;
        if (found) return found;
        const wait = Math.min((retry.minTimeout ?? 1000) * (retry.factor ?? 2) ** attempt, retry.maxTimeout ?? Infinity);
        if (this.now() + wait >= deadline) throw error;
        await this.sleep(wait);
      }
    }
  }

  /** The ts of the keyed message (a thread reply when the message is one), undefined when absent. */
  private async lookFor(message: ChannelMessage, key: PostKey, since: Date): Promise<string | undefined> {
    if (message.threadTs) {
      const replies = await this.searchThread(message.channel, message.threadTs, key);
      return replies.find((reply) => reply.part === key.part)?.ts;
    }
    return this.searchHistory(message.channel, key, since);
  }

  /** A look into the channel, 'unknown' (and a warning) when it cannot be read. */
  private async lookingUp<T>(look: () => Promise<T>, channel: string): Promise<T | 'unknown'> {
    try {
      return await look();
    } catch (error) {
      this.options.logger.warn(catalogue(this.options.lang ?? 'en').cli.slack.cannotLook(describePostError(error, channel, this.options.lang).error));
      return 'unknown';
    }
  }

  private async sendMessage(message: ChannelMessage): Promise<PostOutcome> {
    const result = await this.postingClient.chat.postMessage({
      channel: message.channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...(message.key ? { metadata: { event_type: POST_METADATA_EVENT, event_payload: { ...message.key } } } : {}),
    });
    return { ok: true, channel: result.channel ?? message.channel, ts: result.ts ?? '' };
  }

  /** Waits Retry-After and tries again, as long as the wait ends before the deadline. */
  private async waitingOutRateLimits<T>(send: () => Promise<T>, deadline: number): Promise<T> {
    for (;;) {
      try {
        return await send();
      } catch (error) {
        if (!(error instanceof WebAPIRateLimitedError) || this.now() + error.retryAfter * 1000 >= deadline) throw error;
        this.options.logger.warn(catalogue(this.options.lang ?? 'en').cli.slack.waiting(String(error.retryAfter)));
        await this.sleep(error.retryAfter * 1000);
      }
    }
  }
}

/** The post itself (no `part`) or one of its thread replies (a `part`): never one for the other. */
function isPostOf(metadata: { event_type?: string; event_payload?: Record<string, unknown> } | undefined, key: PostKey): boolean {
  const payload = metadata?.event_payload;
  return (
    metadata?.event_type === POST_METADATA_EVENT &&
    payload?.job === key.job &&
    payload?.period === key.period &&
    (key.part === undefined ? payload?.part === undefined : typeof payload?.part === 'string')
  );
}

const CLOCK_MARGIN_MS = 60_000;

/** A request Slack may have acted on without saying so: no answer, or a server error. */
function mayHaveLanded(error: unknown): boolean {
  return error instanceof WebAPIRequestError || (error instanceof WebAPIHTTPError && error.statusCode >= 500);
}

/** Slack did not answer in time (the call may still land: the next try looks for it first). */
export class SlackDeadlineError extends Error {
  constructor(readonly afterMs: number) {
    super(`Slack did not answer within ${Math.round(afterMs / 1000)} s`);
    this.name = 'SlackDeadlineError';
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SlackDeadlineError(ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

/**
 * Slack's refusal as a code and one sentence saying what to do, in the operator's language: the
 * CLI's, or English for the running server, whose log lines (Bolt's logger) stay English.
 */
export function describePostError(error: unknown, channel: string, lang: Lang = 'en'): PostOutcome & { ok: false } {
  const words = catalogue(lang).cli.slack;
  if (error instanceof SlackDeadlineError) {
    return { ok: false, error: 'timeout', hint: words.noAnswer(String(Math.round(error.afterMs / 1000))) };
  }
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
    if (/timeout/i.test(error.original.message)) {
      return { ok: false, error: 'timeout', hint: words.noAnswer(String(Math.round(API_TIMEOUT_MS / 1000))) };
    }
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

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EmulatedWorkspace,
  METHOD_HANDLERS,
  UPLOAD_PATH,
  failure,
  messageBlocksProblem,
  type EmulatedFile,
  type ApiArgs,
  type ApiResponse,
  type SlackUser,
} from './slack-api-methods.js';

/**
 * A small Slack Web API emulator on loopback, for the real WebClient:
 * `new WebClient(token, { slackApiUrl: emulator.url })`. It records every call, can be told to fail
 * the next call to a method (rate limit, platform error, HTTP error, slow answer), and doubles as a
 * response_url receiver so `respond()` can be asserted on.
 */

export type { SlackUser } from './slack-api-methods.js';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** Date.now() when the request arrived. */
  at: number;
}

/** How the next call to a method misbehaves. Combine `delayMs` with the others to fail late. */
export interface InjectedFailure {
  /** Answered as HTTP 200 `{ ok: false, error }`; 'ratelimited' answers HTTP 429 instead. */
  error?: string;
  /** Sent as Retry-After with HTTP 429; defaults to 1 second for 'ratelimited'. */
  retryAfterSeconds?: number;
  /** Answered with this HTTP status and a plain-text body. */
  httpStatus?: number;
  /** Delays the answer, which is otherwise normal unless another field says so. */
  delayMs?: number;
}

export interface SlackApiEmulatorOptions {
  botToken?: string;
  botUserId?: string;
  /** The app-level token (xapp-…) apps.connections.open accepts, for Socket Mode. */
  appToken?: string;
}

export interface SlackApiEmulator {
  /** Base URL for WebClient's `slackApiUrl`, ending in `/api/`. */
  readonly url: string;
  /** A response_url on this server; JSON posted to it is recorded with method 'response_url'. */
  readonly responseUrl: string;
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  failNext(method: string, failure: InjectedFailure): void;
  setUser(user: SlackUser): void;
  setMissingChannel(channelId: string): void;
  /** Makes conversations.info say the channel is shared with another organisation (or no longer). */
  setSharedChannel(channelId: string, shared?: boolean): void;
  /** The WebSocket URL apps.connections.open hands out (see tests/support/socket-mode-slack.ts). */
  setSocketModeUrl(url: string): void;
  /**
   * Files shared in a conversation through files.completeUploadExternal, oldest first, with the
   * bytes POSTed to their upload URL (a PDF starts with %PDF).
   */
  filesSharedIn(channel: string): EmulatedFile[];
  /** Forgets recorded calls and queued failures; users and missing channels stay. */
  reset(): void;
  close(): Promise<void>;
}

const RESPONSE_URL_METHOD = 'response_url';
/** How a POST to an upload URL is recorded (and named to failNext): not a Web API method, Slack's file service. */
export const FILE_UPLOAD_METHOD = 'file_upload';
const CONNECTIONS_OPEN_METHOD = 'apps.connections.open';

const API_PATH = '/api/';
const RESPONSE_URL_PATH = '/response/R0CORRIDOR';
// WebClient form-encodes these object-valued arguments as JSON strings.
const JSON_ENCODED_ARGS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'files']);

interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface ParsedRequest {
  args: ApiArgs;
  token: string | undefined;
}

export async function startSlackApiEmulator(options: SlackApiEmulatorOptions = {}): Promise<SlackApiEmulator> {
  const workspace = new EmulatedWorkspace({
    teamId: 'T0CORRIDOR',
    teamName: 'Corridor',
    teamDomain: 'corridor',
    botUserId: options.botUserId ?? 'U0CORRIDORBOT',
    botId: 'B0CORRIDORBOT',
    appId: 'A0CORRIDOR',
  });
  const emulator = new LoopbackSlackApi({ bot: options.botToken ?? 'xoxb-test-token', app: options.appToken }, workspace);
  await emulator.listen();
  return emulator;
}

class LoopbackSlackApi implements SlackApiEmulator {
  readonly calls: RecordedCall[] = [];
  private readonly queuedFailures = new Map<string, InjectedFailure[]>();
  private readonly delayedReplies = new Set<NodeJS.Timeout>();
  private readonly server = createServer((req, res) => {
    // A throwing handler is an emulator bug: surface it to the client instead of hanging the request.
    this.handle(req, res).catch((error: unknown) => send(res, textReply(500, `emulator error: ${String(error)}`)));
  });
  private origin = '';
  private socketModeUrl: string | undefined;

  constructor(
    private readonly tokens: { bot: string; app: string | undefined },
    private readonly workspace: EmulatedWorkspace,
  ) {}

  get url(): string {
    return `${this.origin}${API_PATH}`;
  }

  get responseUrl(): string {
    return `${this.origin}${RESPONSE_URL_PATH}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.workspace.uploadOrigin = this.origin;
  }

  filesSharedIn(channel: string): EmulatedFile[] {
    return [...this.workspace.files.values()].filter((file) => file.channels.includes(channel));
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  failNext(method: string, failure: InjectedFailure): void {
    const queue = this.queuedFailures.get(method) ?? [];
    queue.push(failure);
    this.queuedFailures.set(method, queue);
  }

  setUser(user: SlackUser): void {
    // Fail here on a bad zone rather than inside a later users.info call.
    if (user.tz) new Intl.DateTimeFormat('en-US', { timeZone: user.tz });
    this.workspace.users.set(user.id, user);
  }

  setMissingChannel(channelId: string): void {
    this.workspace.missingChannels.add(channelId);
  }

  setSharedChannel(channelId: string, shared = true): void {
    if (shared) this.workspace.sharedChannels.add(channelId);
    else this.workspace.sharedChannels.delete(channelId);
  }

  setSocketModeUrl(url: string): void {
    this.socketModeUrl = url;
  }

  reset(): void {
    this.calls.length = 0;
    this.queuedFailures.clear();
  }

  async close(): Promise<void> {
    for (const timer of this.delayedReplies) clearTimeout(timer);
    this.delayedReplies.clear();
    // Drop keep-alive and half-answered connections so close() never waits on a client.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = methodForPath(req.url ?? '');
    if (method === undefined || req.method !== 'POST') {
      send(res, textReply(404, 'not found'));
      return;
    }
    const body = await readBody(req);
    if (method === FILE_UPLOAD_METHOD) {
      await this.receiveUpload(req, body, res);
      return;
    }
    const request = parseRequest(req.headers, body.toString('utf8'));
    if (request === undefined) {
      send(res, jsonReply(failure('invalid_json')));
      return;
    }
    this.calls.push({ method, args: request.args, token: request.token, at: Date.now() });
    const injected = this.takeQueuedFailure(method);
    const reply = (injected && injectedReply(injected)) ?? this.answer(method, request);
    this.sendAfter(res, reply, injected?.delayMs ?? 0);
  }

  /**
   * Step 2 of an upload: the bytes POSTed to the URL files.getUploadURLExternal gave, raw or as
   * multipart form data (what WebClient sends); Slack's file service answers 200 `OK - <length>`.
   * An ID it never gave is 404.
   */
  private async receiveUpload(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const fileId = new URL(req.url ?? '', 'http://emulator').pathname.slice(UPLOAD_PATH.length);
    this.calls.push({ method: FILE_UPLOAD_METHOD, args: { file_id: fileId, length: body.length }, token: undefined, at: Date.now() });
    const injected = this.takeQueuedFailure(FILE_UPLOAD_METHOD);
    const failed = injected && injectedReply(injected);
    const file = this.workspace.files.get(fileId);
    if (!failed && file && !file.completed) file.bytes = await uploadedBytes(req.headers, body);
    const reply = failed ?? (file ? textReply(200, `OK - ${file.bytes?.length ?? 0}`) : textReply(404, 'not found'));
    this.sendAfter(res, reply, injected?.delayMs ?? 0);
  }

  private takeQueuedFailure(method: string): InjectedFailure | undefined {
    return this.queuedFailures.get(method)?.shift();
  }

  private answer(method: string, { args, token }: ParsedRequest): HttpReply {
    if (method === RESPONSE_URL_METHOD) return answerResponseUrl(args);
    if (token === undefined) return jsonReply(failure('not_authed'));
    if (method === CONNECTIONS_OPEN_METHOD) return jsonReply(this.openConnection(token));
    if (token !== this.tokens.bot) return jsonReply(failure(token === this.tokens.app ? 'not_allowed_token_type' : 'invalid_auth'));
    const handler = METHOD_HANDLERS[method];
    return jsonReply(handler ? handler(args, this.workspace) : failure('unknown_method'));
  }

  /** apps.connections.open takes only the app-level token, and answers with a WebSocket URL for Socket Mode. */
  private openConnection(token: string): ApiResponse {
    if (token === this.tokens.bot) return failure('not_allowed_token_type');
    if (token !== this.tokens.app) return failure('invalid_auth');
    if (this.socketModeUrl === undefined) return failure('internal_error');
    return { ok: true, url: this.socketModeUrl };
  }

  private sendAfter(res: ServerResponse, reply: HttpReply, delayMs: number): void {
    if (delayMs <= 0) {
      send(res, reply);
      return;
    }
    const timer = setTimeout(() => {
      this.delayedReplies.delete(timer);
      send(res, reply);
    }, delayMs);
    this.delayedReplies.add(timer);
  }
}

function methodForPath(url: string): string | undefined {
  const { pathname } = new URL(url, 'http://emulator');
  if (pathname === RESPONSE_URL_PATH) return RESPONSE_URL_METHOD;
  if (pathname.startsWith(UPLOAD_PATH)) return FILE_UPLOAD_METHOD;
  if (!pathname.startsWith(API_PATH)) return undefined;
  return pathname.slice(API_PATH.length) || undefined;
}

function injectedReply(injected: InjectedFailure): HttpReply | undefined {
  if (injected.httpStatus !== undefined) return textReply(injected.httpStatus, `emulated HTTP ${injected.httpStatus}`);
  if (injected.error === 'ratelimited' || injected.retryAfterSeconds !== undefined) {
    return jsonReply(failure('ratelimited'), 429, { 'Retry-After': String(injected.retryAfterSeconds ?? 1) });
  }
  if (injected.error !== undefined) return jsonReply(failure(injected.error));
  return undefined;
}

// Like incoming webhooks, a response_url rejects bad blocks with HTTP 400 and a bare error code.
function answerResponseUrl(args: ApiArgs): HttpReply {
  const problem = messageBlocksProblem(args);
  return problem ? textReply(400, String(problem.error)) : jsonReply({ ok: true });
}

function parseRequest(headers: IncomingHttpHeaders, rawBody: string): ParsedRequest | undefined {
  const isJson = (headers['content-type'] ?? '').includes('application/json');
  const parsed = isJson ? parseJsonArgs(rawBody) : parseFormArgs(rawBody);
  if (parsed === undefined) return undefined;
  const { token: tokenField, ...args } = parsed;
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  return { args, token: bearer ?? (typeof tokenField === 'string' ? tokenField : undefined) };
}

function parseJsonArgs(rawBody: string): ApiArgs | undefined {
  if (rawBody === '') return {};
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as ApiArgs) : undefined;
  } catch {
    return undefined;
  }
}

function parseFormArgs(rawBody: string): ApiArgs {
  const args: ApiArgs = {};
  for (const [name, value] of new URLSearchParams(rawBody)) {
    args[name] = JSON_ENCODED_ARGS.has(name) ? parseJsonOrKeep(value) : value;
  }
  return args;
}

// An argument that is not valid JSON stays a string, for the method's own checks to reject.
function parseJsonOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The file's bytes: the first file part of a multipart form, the one field of a form, or the body as sent. */
async function uploadedBytes(headers: IncomingHttpHeaders, body: Buffer): Promise<Buffer> {
  const type = headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  for (const value of form.values()) {
    return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

function jsonReply(body: ApiResponse, status = 200, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

function textReply(status: number, body: string): HttpReply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}

function send(res: ServerResponse, reply: HttpReply): void {
  res.writeHead(reply.status, reply.headers).end(reply.body);
}

import { blockKitViolations, viewViolations } from './block-kit-limits.js';

/**
 * Web API methods of the Slack emulator: argument checks and response shapes follow the method
 * reference pages on docs.slack.dev. Responses are serialized with JSON.stringify, so fields left
 * undefined are simply absent, as they are from Slack.
 */

export type ApiArgs = Record<string, unknown>;
export type ApiResponse = { ok: boolean } & Record<string, unknown>;
export type MethodHandler = (args: ApiArgs, workspace: EmulatedWorkspace) => ApiResponse;

export interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  /** IANA zone, e.g. America/Toronto; tz_label and tz_offset are derived from it. */
  tz?: string;
  locale?: string;
  is_bot?: boolean;
  /** The user's own workspace; the emulated one by default. Another makes them a Slack Connect user. */
  team_id?: string;
  /** Their Enterprise Grid organisation, reported as `enterprise_user.enterprise_id`. */
  enterprise_id?: string;
  /** Slack's mark for a user of another organisation seen without a shared channel. */
  is_stranger?: boolean;
  /** The profile's e-mail (users.lookupByEmail finds the user by it). */
  email?: string;
  /** A multi-channel guest (`is_restricted`), or a single-channel one (`is_ultra_restricted` too). */
  guest?: 'multi-channel' | 'single-channel';
}

export interface WorkspaceIdentity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

/** A file on its way through files.getUploadURLExternal, the upload URL and files.completeUploadExternal. */
export interface EmulatedFile {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  /** What was POSTed to the upload URL; undefined until then. */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal, which takes each file once. */
  title?: string;
  completed: boolean;
  /** The conversations it was shared in (none: private to the bot). */
  channels: string[];
  initialComment?: string;
  threadTs?: string;
}

// Fixed base for generated timestamps and hashes, so runs are reproducible.
const EPOCH_SECONDS = 1_700_000_000;

/** Workspace state the methods read and write; ids come from counters, not clocks or randomness. */
export class EmulatedWorkspace {
  readonly users = new Map<string, SlackUser>();
  readonly missingChannels = new Set<string>();
  /** Channels shared with other organisations (Slack Connect): conversations.info says `is_ext_shared`. */
  readonly sharedChannels = new Set<string>();
  readonly views = new Map<string, Record<string, unknown>>();
  /** Messages posted with chat.postMessage, per channel, oldest first (conversations.history reads them). */
  readonly messages = new Map<string, Record<string, unknown>[]>();
  /** The direct-message conversation (D…) conversations.open opened with each user. */
  readonly directMessages = new Map<string, string>();
  /** Files announced by files.getUploadURLExternal, by ID: their bytes once uploaded, where they were shared once completed. */
  readonly files = new Map<string, EmulatedFile>();
  /** Where upload URLs point: the emulator's own origin (set when it listens). */
  uploadOrigin = '';
  private readonly homeViewIds = new Map<string, string>();
  private messageCount = 0;
  private fileCount = 0;
  private viewCount = 0;
  private hashCount = 0;

  constructor(readonly identity: WorkspaceIdentity) {
    this.users.set(identity.botUserId, { id: identity.botUserId, name: 'corridor-bot', is_bot: true });
  }

  /** Like Slack's: the time of posting in seconds, made unique by a counter in the microseconds. */
  nextMessageTs(): string {
    this.messageCount += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.messageCount).padStart(6, '0')}`;
  }

  nextFileId(): string {
    this.fileCount += 1;
    return `F${String(this.fileCount).padStart(10, '0')}`;
  }

  nextViewId(): string {
    this.viewCount += 1;
    return `V${String(this.viewCount).padStart(10, '0')}`;
  }

  nextViewHash(): string {
    this.hashCount += 1;
    return `${EPOCH_SECONDS}.${String(this.hashCount).padStart(8, '0')}`;
  }

  /** Slack keeps one Home tab view per user, so republishing keeps its id. */
  homeViewIdFor(userId: string): string {
    const existing = this.homeViewIds.get(userId);
    if (existing) return existing;
    const created = this.nextViewId();
    this.homeViewIds.set(userId, created);
    return created;
  }
}

export const METHOD_HANDLERS: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'chat.postMessage': chatPostMessage,
  'chat.postEphemeral': chatPostEphemeral,
  'chat.update': chatUpdate,
  'chat.delete': chatDelete,
  'chat.getPermalink': chatGetPermalink,
  'users.info': usersInfo,
  'users.lookupByEmail': usersLookupByEmail,
  'views.open': viewsOpen,
  // Pushing takes the same trigger and modal as opening, and answers with the same shape.
  'views.push': viewsOpen,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'conversations.info': conversationsInfo,
  'conversations.history': conversationsHistory,
  'conversations.open': conversationsOpen,
  'conversations.replies': conversationsReplies,
  'files.getUploadURLExternal': filesGetUploadUrlExternal,
  'files.completeUploadExternal': filesCompleteUploadExternal,
};

export function failure(error: string, messages?: string[]): ApiResponse {
  if (!messages) return { ok: false, error };
  return { ok: false, error, errors: messages, response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) } };
}

/** Blocks posted to a response_url obey the message limits; undefined when they do. */
export function messageBlocksProblem(args: ApiArgs): ApiResponse | undefined {
  if (args.blocks === undefined) return undefined;
  const violations = blockKitViolations(args.blocks, 'message');
  return violations.length > 0 ? failure('invalid_blocks', violations) : undefined;
}

function authTest(_args: ApiArgs, { identity }: EmulatedWorkspace): ApiResponse {
  return {
    ok: true,
    url: `https://${identity.teamDomain}.slack.com/`,
    team: identity.teamName,
    user: 'corridor-bot',
    team_id: identity.teamId,
    user_id: identity.botUserId,
    bot_id: identity.botId,
    is_enterprise_install: false,
  };
}

/** As Slack answers: the message's link in the workspace, `p` and the ts without its dot. */
function chatGetPermalink(args: ApiArgs, { identity }: EmulatedWorkspace): ApiResponse {
  if (isBlank(args.channel)) return failure('channel_not_found');
  if (typeof args.message_ts !== 'string' || !/^\d+\.\d+$/.test(args.message_ts)) return failure('message_not_found');
  return {
    ok: true,
    channel: args.channel,
    permalink: `https://${identity.teamDomain}.slack.com/archives/${String(args.channel)}/p${args.message_ts.replace('.', '')}`,
  };
}

function chatPostMessage(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = channelProblem(args, workspace) ?? messageContentProblem(args) ?? threadProblem(args, workspace);
  if (problem) return problem;
  const ts = workspace.nextMessageTs();
  const message = botMessage(args, workspace, ts);
  const channel = String(args.channel);
  workspace.messages.set(channel, [...(workspace.messages.get(channel) ?? []), message]);
  return { ok: true, channel: args.channel, ts, message: withoutMetadata(message) };
}

/** Slack returns a message's metadata only to whoever asks for it (include_all_metadata). */
function withoutMetadata(message: Record<string, unknown>): Record<string, unknown> {
  const { metadata: _metadata, ...rest } = message;
  return rest;
}

/** Newest first, `limit` per page (default 100, at most 999), between `oldest` and `latest`, paged by cursor. */
function conversationsHistory(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = channelProblem(args, workspace);
  if (problem) return problem;
  const oldest = Number(args.oldest ?? 0);
  const latest = args.latest === undefined ? Infinity : Number(args.latest);
  // Like Slack's, the channel's history holds thread parents but not the replies in their threads.
  const inRange = [...(workspace.messages.get(String(args.channel)) ?? [])]
    .reverse()
    .filter((message) => !isThreadReply(message) && Number(message.ts) >= oldest && Number(message.ts) <= latest);
  return { ...messagePage(inRange, args), pin_count: 0 };
}

/** A thread's parent then its replies, oldest first; `ts` may name the parent or any reply. */
function conversationsReplies(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = channelProblem(args, workspace);
  if (problem) return problem;
  const messages = workspace.messages.get(String(args.channel)) ?? [];
  const named = messages.find((message) => message.ts === String(args.ts));
  if (!named) return failure('thread_not_found');
  const root = String(named.thread_ts ?? named.ts);
  const thread = messages.filter((message) => message.ts === root || message.thread_ts === root);
  return messagePage(thread, args);
}

function isThreadReply(message: Record<string, unknown>): boolean {
  return message.thread_ts !== undefined && message.thread_ts !== message.ts;
}

/** `limit` per page (default 100, at most 999), paged by cursor; metadata only with include_all_metadata. */
function messagePage(messages: Record<string, unknown>[], args: ApiArgs): ApiResponse {
  const limit = Math.min(Number(args.limit ?? 100), 999);
  const offset = args.cursor === undefined || args.cursor === '' ? 0 : Number(Buffer.from(String(args.cursor), 'base64').toString());
  const page = messages.slice(offset, offset + limit).map((message) => (isTrue(args.include_all_metadata) ? message : withoutMetadata(message)));
  const hasMore = offset + limit < messages.length;
  return {
    ok: true,
    messages: page,
    has_more: hasMore,
    response_metadata: { next_cursor: hasMore ? Buffer.from(String(offset + limit)).toString('base64') : '' },
  };
}

function chatPostEphemeral(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem =
    channelProblem(args, workspace) ?? (isBlank(args.user) ? failure('user_not_found') : messageContentProblem(args));
  if (problem) return problem;
  return { ok: true, message_ts: workspace.nextMessageTs() };
}

/** Replies go under a message of the same channel; Slack answers thread_not_found otherwise. */
function threadProblem(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse | undefined {
  if (isBlank(args.thread_ts)) return undefined;
  const parent = workspace.messages.get(String(args.channel))?.some((message) => message.ts === String(args.thread_ts));
  return parent ? undefined : failure('thread_not_found');
}

/**
 * Like Slack's: the message must exist in that channel (message_not_found otherwise), be the bot's
 * own (cant_update_message), and carry text or blocks; the stored message is replaced, its thread kept.
 */
function chatUpdate(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem =
    channelProblem(args, workspace) ?? (isBlank(args.ts) ? failure('message_not_found') : messageContentProblem(args));
  if (problem) return problem;
  const ts = String(args.ts);
  const messages = workspace.messages.get(String(args.channel)) ?? [];
  const index = messages.findIndex((message) => message.ts === ts);
  if (index < 0) return failure('message_not_found');
  const current = messages[index]!;
  if (current.user !== workspace.identity.botUserId) return failure('cant_update_message');
  const updated = { ...botMessage({ ...args, thread_ts: current.thread_ts, metadata: args.metadata ?? current.metadata }, workspace, ts), edited: { user: workspace.identity.botUserId, ts: workspace.nextMessageTs() } };
  messages[index] = updated;
  return { ok: true, channel: args.channel, ts, text: args.text ?? '', message: withoutMetadata(updated) };
}

function chatDelete(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = channelProblem(args, workspace) ?? (isBlank(args.ts) ? failure('message_not_found') : undefined);
  if (problem) return problem;
  return { ok: true, channel: args.channel, ts: args.ts };
}

function usersInfo(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const user = workspace.users.get(String(args.user));
  if (!user) return failure('user_not_found');
  return { ok: true, user: userObject(user, workspace.identity, isTrue(args.include_locale)) };
}

/** Finds a user by the e-mail of their profile (docs.slack.dev/reference/methods/users.lookupByEmail). */
function usersLookupByEmail(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  if (isBlank(args.email)) return failure('invalid_arguments', ['missing required field: email']);
  const wanted = String(args.email).toLowerCase();
  const user = [...workspace.users.values()].find((candidate) => candidate.email?.toLowerCase() === wanted && !candidate.is_bot);
  if (!user) return failure('users_not_found');
  return { ok: true, user: userObject(user, workspace.identity, false) };
}

function viewsOpen(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = triggerProblem(args) ?? viewProblem(args.view, 'modal');
  if (problem) return problem;
  return { ok: true, view: storeView(args.view as Record<string, unknown>, workspace, workspace.nextViewId()) };
}

function viewsUpdate(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = viewProblem(args.view);
  if (problem) return problem;
  const viewId = findUpdatedViewId(args, workspace);
  if (!viewId) return failure('not_found');
  const current = workspace.views.get(viewId);
  if (current && args.hash !== undefined && args.hash !== current.hash) return failure('hash_conflict');
  return { ok: true, view: storeView(args.view as Record<string, unknown>, workspace, viewId) };
}

function viewsPublish(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = isBlank(args.user_id)
    ? failure('invalid_arguments', ['missing required field: user_id'])
    : viewProblem(args.view, 'home');
  if (problem) return problem;
  const viewId = workspace.homeViewIdFor(String(args.user_id));
  return { ok: true, view: storeView(args.view as Record<string, unknown>, workspace, viewId) };
}

/**
 * Opens (or finds) the bot's direct-message conversation with one user, given in `users`
 * (docs.slack.dev/reference/methods/conversations.open): `{ channel: { id } }`, with
 * `already_open` when it existed. A user Slack does not know is `user_not_found`; the bot itself
 * or another bot, `cannot_dm_bot`.
 */
function conversationsOpen(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  if (isBlank(args.users) && isBlank(args.channel)) return failure('users_list_not_supplied');
  const users = String(args.users ?? '').split(',').filter(Boolean);
  if (users.length !== 1) return failure('not_implemented', ['the emulator opens direct messages with one user only']);
  const user = workspace.users.get(users[0]!);
  if (!user) return failure('user_not_found');
  if (user.is_bot) return failure('cannot_dm_bot');
  const existing = workspace.directMessages.get(user.id);
  const id = existing ?? `D${user.id.replace(/^U/, '')}`;
  workspace.directMessages.set(user.id, id);
  return { ok: true, ...(existing ? { no_op: true, already_open: true } : {}), channel: { id } };
}

/** The path of the upload URLs files.getUploadURLExternal hands out, on the emulator itself. */
export const UPLOAD_PATH = '/upload/v1/';

/**
 * Step 1 of an upload (docs.slack.dev/reference/methods/files.getUploadURLExternal): `filename`
 * and `length` (bytes) are required; a length of 0 is `missing_argument`, as the method's page
 * says. Answers an upload URL, on which the bytes are POSTed, and the file's ID.
 */
function filesGetUploadUrlExternal(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  if (isBlank(args.filename)) return failure('invalid_arguments', ['missing required field: filename']);
  if (isBlank(args.length)) return failure('invalid_arguments', ['missing required field: length']);
  const length = Number(args.length);
  if (!Number.isInteger(length) || length < 0) return failure('invalid_arguments', ['length must be an integer']);
  if (length === 0) return failure('missing_argument');
  const id = workspace.nextFileId();
  workspace.files.set(id, { id, filename: String(args.filename), length, completed: false, channels: [] });
  return { ok: true, upload_url: `${workspace.uploadOrigin}${UPLOAD_PATH}${id}`, file_id: id };
}

/**
 * Step 3 (docs.slack.dev/reference/methods/files.completeUploadExternal): `files`, an array of
 * `{ id, title? }`, each an ID files.getUploadURLExternal gave whose bytes were uploaded, taken
 * once ("This method can only be called once"): anything else is `file_not_found`. With
 * `channel_id` (or `channels`) the files are shared there in one message whose text is
 * `initial_comment`, as a reply when `thread_ts` names a message of that channel; without, they
 * stay private.
 */
function filesCompleteUploadExternal(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const listed = args.files;
  if (!Array.isArray(listed) || listed.length === 0) return failure('invalid_arguments', ['missing required field: files']);
  const wanted = listed.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as { id?: unknown; title?: unknown }) : {}));
  if (wanted.some((entry) => typeof entry.id !== 'string')) return failure('invalid_arguments', ['each file needs an id']);
  const files = wanted.map((entry) => workspace.files.get(String(entry.id)));
  if (files.some((file) => !file || file.completed || file.bytes === undefined)) return failure('file_not_found');
  const channels = [args.channel_id, ...String(args.channels ?? '').split(',')].filter((channel) => !isBlank(channel)).map(String);
  for (const channel of channels) {
    const problem = channelProblem({ channel }, workspace) ?? threadProblem({ channel, thread_ts: args.thread_ts }, workspace);
    if (problem) return problem;
  }
  const shared = files.map((file, index) => {
    const title = typeof wanted[index]!.title === 'string' ? String(wanted[index]!.title) : file!.filename;
    Object.assign(file!, { title, completed: true, channels, initialComment: optionalString(args.initial_comment), threadTs: optionalString(args.thread_ts) });
    return file!;
  });
  for (const channel of channels) postFileShare(channel, shared, args, workspace);
  return { ok: true, files: shared.map((file) => ({ id: file.id, title: file.title })) };
}

/** The message a share leaves in the conversation: the comment as its text, the files under it. */
function postFileShare(channel: string, files: EmulatedFile[], args: ApiArgs, workspace: EmulatedWorkspace): void {
  const ts = workspace.nextMessageTs();
  const message = {
    ...botMessage({ text: args.initial_comment ?? '', thread_ts: args.thread_ts }, workspace, ts),
    upload: true,
    files: files.map((file) => ({ id: file.id, name: file.filename, title: file.title, size: file.bytes!.length, user: workspace.identity.botUserId })),
  };
  workspace.messages.set(channel, [...(workspace.messages.get(channel) ?? []), message]);
}

function optionalString(value: unknown): string | undefined {
  return isBlank(value) ? undefined : String(value);
}

function conversationsInfo(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse {
  const problem = channelProblem(args, workspace);
  if (problem) return problem;
  const channel = String(args.channel);
  return { ok: true, channel: conversationObject(channel, workspace.identity, workspace.sharedChannels.has(channel)) };
}

function channelProblem(args: ApiArgs, workspace: EmulatedWorkspace): ApiResponse | undefined {
  const missing = isBlank(args.channel) || workspace.missingChannels.has(String(args.channel));
  return missing ? failure('channel_not_found') : undefined;
}

function messageContentProblem(args: ApiArgs): ApiResponse | undefined {
  const hasContent = !isBlank(args.text) || isNonEmptyArray(args.blocks) || isNonEmptyArray(args.attachments);
  return hasContent ? messageBlocksProblem(args) : failure('no_text');
}

function triggerProblem(args: ApiArgs): ApiResponse | undefined {
  const hasTrigger = !isBlank(args.trigger_id) || !isBlank(args.interactivity_pointer);
  return hasTrigger ? undefined : failure('invalid_arguments', ['invalid `trigger_id`']);
}

function viewProblem(view: unknown, requiredType?: 'modal' | 'home'): ApiResponse | undefined {
  if (view === undefined) return failure('invalid_arguments', ['missing required field: view']);
  const violations = viewViolations(view);
  if (violations.length > 0) return failure('invalid_arguments', violations);
  const { type } = view as { type: unknown };
  if (requiredType && type !== requiredType) {
    return failure('invalid_arguments', [`view type must be ${requiredType} for this method [json-pointer:/view/type]`]);
  }
  return undefined;
}

function findUpdatedViewId(args: ApiArgs, workspace: EmulatedWorkspace): string | undefined {
  if (!isBlank(args.view_id)) return String(args.view_id);
  if (isBlank(args.external_id)) return undefined;
  const byExternalId = [...workspace.views.entries()].find(([, view]) => view.external_id === args.external_id);
  return byExternalId?.[0];
}

function storeView(view: Record<string, unknown>, workspace: EmulatedWorkspace, id: string): Record<string, unknown> {
  const { identity } = workspace;
  const stored = {
    // Defaults Slack fills in, then the app's view, then fields only Slack assigns.
    callback_id: '',
    private_metadata: '',
    external_id: '',
    state: { values: {} },
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    previous_view_id: null,
    root_view_id: id,
    ...view,
    id,
    team_id: identity.teamId,
    app_id: identity.appId,
    bot_id: identity.botId,
    app_installed_team_id: identity.teamId,
    hash: workspace.nextViewHash(),
  };
  workspace.views.set(id, stored);
  return stored;
}

function botMessage(args: ApiArgs, { identity }: EmulatedWorkspace, ts: string): Record<string, unknown> {
  return {
    type: 'message',
    text: args.text ?? '',
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    ts,
    thread_ts: args.thread_ts,
    blocks: args.blocks,
    attachments: args.attachments,
    metadata: args.metadata,
  };
}

function userObject(user: SlackUser, identity: WorkspaceIdentity, includeLocale: boolean): Record<string, unknown> {
  const name = user.name ?? user.id.toLowerCase();
  const realName = user.real_name ?? name;
  const tz = user.tz ?? 'America/New_York';
  const teamId = user.team_id ?? identity.teamId;
  return {
    id: user.id,
    team_id: teamId,
    name,
    deleted: false,
    real_name: realName,
    tz,
    ...timeZoneFacts(tz, new Date()),
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: name,
      display_name_normalized: name,
      team: teamId,
      email: user.email,
    },
    ...(user.enterprise_id ? { enterprise_user: { id: user.id, enterprise_id: user.enterprise_id, enterprise_name: user.enterprise_id, is_admin: false, is_owner: false, teams: [teamId] } } : {}),
    ...(user.is_stranger ? { is_stranger: true } : {}),
    is_restricted: user.guest !== undefined,
    is_ultra_restricted: user.guest === 'single-channel',
    is_admin: false,
    is_owner: false,
    is_bot: user.is_bot ?? false,
    is_app_user: false,
    updated: EPOCH_SECONDS,
    locale: includeLocale ? (user.locale ?? 'en-US') : undefined,
  };
}

/** Slack reports the zone's label and offset (seconds) as they are at request time. */
function timeZoneFacts(tz: string, at: Date): { tz_label: string; tz_offset: number } {
  const label = timeZoneName(tz, 'long', at);
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(timeZoneName(tz, 'longOffset', at));
  if (!offset) return { tz_label: label, tz_offset: 0 };
  const [, sign, hours, minutes] = offset;
  const seconds = Number(hours) * 3600 + Number(minutes) * 60;
  return { tz_label: label, tz_offset: sign === '-' ? -seconds : seconds };
}

function timeZoneName(tz: string, style: 'long' | 'longOffset', at: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

function conversationObject(id: string, identity: WorkspaceIdentity, shared: boolean): Record<string, unknown> {
  const name = id.replace(/^#/, '').toLowerCase();
  return {
    id,
    name,
    name_normalized: name,
    is_channel: id.startsWith('C'),
    is_group: false,
    is_im: id.startsWith('D'),
    is_mpim: false,
    is_private: id.startsWith('G'),
    created: EPOCH_SECONDS,
    creator: identity.botUserId,
    is_archived: false,
    is_general: false,
    unlinked: 0,
    is_shared: shared,
    is_org_shared: false,
    is_ext_shared: shared,
    context_team_id: identity.teamId,
    is_member: true,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
    previous_names: [],
  };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isNonEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

// Form-encoded requests carry booleans as strings.
function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

import { createHmac } from 'node:crypto';

/**
 * Builds and sends requests the way Slack delivers them to an app's HTTP endpoint:
 * form-encoded bodies signed with the app's signing secret.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{rawBody}`, as sent in `X-Slack-Signature`. */
export function signSlackRequest(signingSecret: string, timestamp: number | string, rawBody: string): string {
  const baseString = `v0:${timestamp}:${rawBody}`;
  return `v0=${createHmac('sha256', signingSecret).update(baseString).digest('hex')}`;
}

export interface SlashCommandFields {
  text?: string;
  user_id?: string;
  channel_id?: string;
  command?: string;
  response_url?: string;
  trigger_id?: string;
  team_id?: string;
  user_name?: string;
}

// Field order and shapes follow a real slash-command delivery; the ids match the emulator's defaults.
const SLASH_COMMAND_DEFAULTS = {
  token: 'legacy-verification-token',
  team_id: 'T0CORRIDOR',
  team_domain: 'corridor',
  channel_id: 'C0CORRIDOR',
  channel_name: 'corridor',
  user_id: 'U0ALICE',
  user_name: 'alice',
  command: '/corridor',
  text: '',
  api_app_id: 'A0CORRIDOR',
  is_enterprise_install: 'false',
  response_url: 'https://hooks.slack.com/commands/T0CORRIDOR/1000000000001/corridorResponseUrlToken',
  trigger_id: '1000000000001.1000000000002.0123456789abcdef0123456789abcdef',
};

/** A slash command's fields, as Socket Mode delivers them in an envelope's payload. */
export function slashCommandFields(fields: SlashCommandFields = {}): Record<string, string> {
  const given = Object.entries(fields).filter(([, value]) => value !== undefined);
  return { ...SLASH_COMMAND_DEFAULTS, ...Object.fromEntries(given) };
}

/** A slash-command body as Slack posts it (application/x-www-form-urlencoded). */
export function slashCommandBody(fields: SlashCommandFields = {}): string {
  return new URLSearchParams(slashCommandFields(fields)).toString();
}

/** `payload=<urlencoded JSON>`, the body Slack posts for block_actions, view_submission and friends. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface PostSignedOptions {
  signingSecret: string;
  /** Unix seconds; defaults to now. Pass an old value to exercise replay protection. */
  timestamp?: number;
  contentType?: string;
  /** Sent instead of the computed signature, to forge a request. */
  signature?: string;
  omitSignature?: boolean;
}

export interface SignedPostResponse {
  status: number;
  text: string;
  /** The parsed body, or undefined when the body is not JSON. */
  json: unknown;
}

export async function postSigned(url: string, rawBody: string, opts: PostSignedOptions): Promise<SignedPostResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': opts.contentType ?? FORM_CONTENT_TYPE,
    'X-Slack-Request-Timestamp': String(timestamp),
  };
  if (!opts.omitSignature) {
    headers['X-Slack-Signature'] = opts.signature ?? signSlackRequest(opts.signingSecret, timestamp, rawBody);
  }
  const response = await fetch(url, { method: 'POST', headers, body: rawBody });
  const text = await response.text();
  return { status: response.status, text, json: parseJsonOrUndefined(text) };
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

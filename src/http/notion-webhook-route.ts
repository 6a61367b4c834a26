import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute, Logger } from '@slack/bolt';
import type { NotionSyncAccess } from '../notion/sync-access.js';
import { verificationRequest, verifyNotionSignature, webhookEvent } from '../notion/webhook-events.js';
import { Shown } from '../ops/redact.js';

/** Where Notion sends its webhook events, beside /slack/events (HEALTH_PORT in Socket Mode). */
export const NOTION_WEBHOOK_PATH = '/notion/webhooks';

/** Notion's events are small JSON objects; anything larger is not Notion's. */
const MAX_BODY_BYTES = 64 * 1024;
/** A verification token as Notion makes them (`secret_…`); anything else is not printed. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{8,200}$/;

export interface NotionWebhookOptions {
  /** NOTION_WEBHOOK_VERIFICATION_TOKEN: the key of every event's signature. */
  verificationToken: string | undefined;
  notion: NotionSyncAccess | undefined;
  logger: () => Logger;
}

/** A handshake's token is printed at most this often: nobody can fill the log with them. */
export const HANDSHAKE_LINE_INTERVAL_MS = 60_000;

/** POST /notion/webhooks: the handshake, then signed page events applied within seconds. */
export function notionWebhookRoute(options: NotionWebhookOptions): CustomRoute {
  const handshakes = new HandshakeLines();
  return {
    path: NOTION_WEBHOOK_PATH,
    method: 'POST',
    handler: (req, res) => {
      handle(req, res, options, handshakes).catch((error: unknown) => {
        options.logger().error(`Notion webhook not handled: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) reply(res, 500, 'not handled');
      });
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: NotionWebhookOptions, handshakes: HandshakeLines): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) return reply(res, 413, 'too large');
  const json = parseJson(body);
  const handshake = verificationRequest.safeParse(json);
  if (handshake.success) return answerHandshake(res, handshake.data.verification_token, options, handshakes);
  if (!options.verificationToken) {
    options.logger().warn('Notion webhook event refused: NOTION_WEBHOOK_VERIFICATION_TOKEN is not set');
    return reply(res, 401, 'no verification token configured');
  }
  const signature = req.headers['x-notion-signature'];
  if (!(await verifyNotionSignature(body, typeof signature === 'string' ? signature : undefined, options.verificationToken))) {
    return reply(res, 401, 'invalid signature');
  }
  const event = webhookEvent.safeParse(json);
  if (!event.success) return reply(res, 400, 'not a Notion event');
  const outcome = options.notion ? await options.notion.applyEvent(event.data) : 'ignored';
  reply(res, 200, outcome);
}

/**
 * Notion's first request: the token is shown to the operator, through the log (the one line that
 * shows a secret, see Shown), at most once a minute; nothing else changes. Once a token is set the
 * handshake is over: a verification request is refused, and nothing is printed.
 */
function answerHandshake(res: ServerResponse, token: string, options: NotionWebhookOptions, handshakes: HandshakeLines): void {
  if (options.verificationToken) return reply(res, 401, 'verification already done');
  if (!TOKEN_SHAPE.test(token)) return reply(res, 400, 'not a verification token');
  if (!handshakes.take(Date.now())) {
    res.setHeader('retry-after', String(HANDSHAKE_LINE_INTERVAL_MS / 1000));
    return reply(res, 429, 'a verification token was printed less than a minute ago');
  }
  options
    .logger()
    .warn(
      'Notion webhook verification token:',
      new Shown(token),
      "— paste it into Notion's Verify dialog (integration settings → Webhooks) and set",
      new Shown(`NOTION_WEBHOOK_VERIFICATION_TOKEN=${token}`),
      'in .env, then restart.',
    );
  reply(res, 200, 'verification token received');
}

/** When the last handshake line was printed. */
class HandshakeLines {
  private lastAt = Number.NEGATIVE_INFINITY;

  /** Whether a line may be printed now (and then it counts as printed). */
  take(now: number): boolean {
    if (now - this.lastAt < HANDSHAKE_LINE_INTERVAL_MS) return false;
    this.lastAt = now;
    return true;
  }
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reply(res: ServerResponse, status: number, line: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${line}\n`);
}

import { verifyWebhookSignature } from '@notionhq/client';
import { z } from 'zod';

/**
 * What Notion's webhooks send (developers.notion.com/reference/webhooks; the SDK's
 * `PagePropertiesUpdatedWebhookPayload` and kin): a first request carrying the subscription's
 * `verification_token`, then signed events naming the page, never its content.
 */

export const verificationRequest = z.object({ verification_token: z.string().min(1) }).loose();

const notionId = z.string().min(1);
export const webhookEvent = z
  .object({
    id: notionId,
    timestamp: z.iso.datetime({ offset: true }),
    type: z.string().min(1),
    entity: z.object({ id: notionId, type: z.string() }).loose(),
    data: z
      .object({ parent: z.object({ id: notionId, type: z.string(), data_source_id: notionId.optional() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();
export type NotionWebhookEvent = z.infer<typeof webhookEvent>;

/** The page events the app applies; every other event is acknowledged and ignored. */
export const PAGE_EVENTS: ReadonlySet<string> = new Set(['page.created', 'page.properties_updated', 'page.deleted', 'page.undeleted']);

/** What became of one delivery. */
export type WebhookOutcome = 'applied' | 'ignored' | 'repeat' | 'stale';

/** `X-Notion-Signature: sha256=<hex>`: HMAC-SHA256 of the raw body keyed by the verification token, compared in constant time. */
export function verifyNotionSignature(rawBody: string, signature: string | undefined, verificationToken: string): Promise<boolean> {
  return verifyWebhookSignature({ body: rawBody, signature, verificationToken });
}

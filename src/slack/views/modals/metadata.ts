import { z } from 'zod';
import { recordId } from '../../../domain/types.js';

/**
 * What a modal remembers between opening and submission, in private_metadata (≤ 3,000 characters):
 * which record it edits, the version shown, and the language it was written in.
 */
export const modalMetadata = z.object({
  id: recordId.nullable(),
  version: z.number().int().nonnegative().nullable(),
  lang: z.enum(['fr', 'en']),
  /** For the conflict modal: which form "Edit again" reopens. */
  kind: z.enum(['partner', 'person', 'event', 'action', 'actionStatus', 'markSigned', 'contact', 'about']).optional(),
  /** A form opened from a channel message (a reminder) confirms there once saved. */
  channelId: z.string().min(1).optional(),
  /** That message, updated in place once the form is saved (the reminder shows the partner signed). */
  messageTs: z.string().regex(/^\d+\.\d+$/).optional(),
  /** The click's response_url: the confirmation reaches the user even where the bot is no member. */
  responseUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
});
export type ModalMetadata = z.infer<typeof modalMetadata>;

/** The message a form was opened from: kept through the form and its conflict notice. */
export type MessageOrigin = Pick<ModalMetadata, 'channelId' | 'messageTs' | 'responseUrl'>;

/** The origin's fields that are set, to spread into metadata. */
export function originFields(origin: MessageOrigin | undefined): MessageOrigin {
  const { channelId, messageTs, responseUrl } = origin ?? {};
  return { ...(channelId ? { channelId } : {}), ...(messageTs ? { messageTs } : {}), ...(responseUrl ? { responseUrl } : {}) };
}

export const MAX_PRIVATE_METADATA = 3000;

export function encodeMetadata(metadata: ModalMetadata): string {
  const encoded = JSON.stringify(modalMetadata.parse(metadata));
  if (encoded.length > MAX_PRIVATE_METADATA) throw new Error('private_metadata exceeds 3,000 characters');
  return encoded;
}

export function decodeMetadata(raw: string | undefined): ModalMetadata | undefined {
  try {
    const parsed = modalMetadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

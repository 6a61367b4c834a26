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
  kind: z.enum(['partner', 'person', 'event', 'action', 'actionStatus', 'markSigned']).optional(),
  /** A form opened from a channel message (a reminder) confirms there once saved. */
  channelId: z.string().min(1).optional(),
});
export type ModalMetadata = z.infer<typeof modalMetadata>;

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

import type { Client } from '@notionhq/client';
import { z } from 'zod';
import { isNotFound } from './sync-failures.js';

/** People of the Notion workspace, as a text property mentions them (`@Name`). */

const mentions = z
  .object({
    rich_text: z.array(
      z.object({ type: z.string(), mention: z.object({ type: z.string(), user: z.object({ id: z.string() }).loose().optional() }).loose().optional() }).loose(),
    ),
  })
  .loose();

/** The first person mentioned in a text property, if any. */
export function mentionedUser(properties: unknown, property: string): string | undefined {
  const parsed = mentions.safeParse((properties as Record<string, unknown> | null | undefined)?.[property]);
  if (!parsed.success) return undefined;
  return parsed.data.rich_text.find((item) => item.type === 'mention' && item.mention?.type === 'user')?.mention?.user?.id;
}

const person = z.object({ type: z.literal('person'), person: z.object({ email: z.string().optional() }).loose() }).loose();

/**
 * A Notion person's e-mail (`users.retrieve`), when Notion shares it with the integration (the
 * "user information with e-mail addresses" capability); undefined for a bot or a hidden address.
 */
export async function emailOfNotionUser(notion: Client, userId: string): Promise<string | undefined> {
  try {
    const parsed = person.safeParse(await notion.users.retrieve({ user_id: userId }));
    return parsed.success ? parsed.data.person.email : undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

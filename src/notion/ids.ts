import { extractNotionId } from '@notionhq/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COMPACT = /^[0-9a-f]{32}$/i;

export class NotionIdError extends Error {
  constructor(readonly input: string, readonly what: string) {
    super(`${what}: expected a Notion ID or a Notion URL`);
    this.name = 'NotionIdError';
  }
}

/**
 * Accepts a Notion ID (with or without dashes) or a Notion URL (workspace page, database with
 * `?v=` view, `app.notion.com/p/…`) and returns the ID in its dashed, lower-case form.
 */
export function parseNotionId(input: string, what = 'Notion ID'): string {
  const text = input.trim();
  if (text === '') throw new NotionIdError(input, what);
  if (COMPACT.test(text) || UUID.test(text.toLowerCase())) return normaliseNotionId(text);
  if (!/^https?:\/\//i.test(text) && !/^(www\.)?notion\.(so|site)\//i.test(text) && !/^app\.notion\.com\//i.test(text)) {
    throw new NotionIdError(input, what);
  }
  // A dashed ID inside a URL: compact it so the client's helper recognises it.
  const compacted = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => id.replace(/-/g, ''));
  const id = extractNotionId(compacted);
  if (!id || !UUID.test(id)) throw new NotionIdError(input, what);
  return id;
}

/** The page's address in Notion (Notion redirects it to the page's full URL). */
export function notionPageUrl(pageId: string): string {
  return `https://www.notion.so/${normaliseNotionId(pageId).replace(/-/g, '')}`;
}

/** Dashed lower-case form of an ID as Notion returns it, so IDs compare equal whatever their source. */
export function normaliseNotionId(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return id.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

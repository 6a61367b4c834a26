import { createHash } from 'node:crypto';
import { z } from 'zod';
import { normaliseNotionId } from './ids.js';
import { plainText, toRichText, type RichTextRequestItem } from './rich-text.js';
import type { NotionPropertyType } from './schema.js';

/** A property value as sent to `pages.create` / `pages.update`. */
export type PropertyValueRequest =
  | { title: RichTextRequestItem[] }
  | { rich_text: RichTextRequestItem[] }
  | { select: { name: string } | null }
  | { date: { start: string; end?: string | null } | null }
  | { url: string | null }
  | { relation: Array<{ id: string }> };

/**
 * Canonical values compared between the store and Notion: text, option name, date, URL or page IDs.
 * A date range is `start/end` (ISO 8601's interval), or `start` alone.
 */
export type FieldValue = string | null | string[];

export function requestValue(type: NotionPropertyType, value: FieldValue): PropertyValueRequest {
  switch (type) {
    case 'title':
      return { title: toRichText(asText(value)) };
    case 'rich_text':
      return { rich_text: toRichText(asText(value)) };
    case 'select':
      return { select: typeof value === 'string' && value !== '' ? { name: value } : null };
    case 'date':
      return { date: typeof value === 'string' && value !== '' ? { start: value } : null };
    case 'date_range': {
      if (typeof value !== 'string' || value === '') return { date: null };
      const [start, end] = value.split('/') as [string, string | undefined];
      return { date: { start, end: end ?? null } };
    }
    case 'url':
      return { url: typeof value === 'string' && value !== '' ? value : null };
    case 'relation':
      return { relation: (Array.isArray(value) ? value : []).map((id) => ({ id })) };
  }
}

function asText(value: FieldValue): string {
  return typeof value === 'string' ? value : '';
}

const richTextArray = z.array(z.object({ plain_text: z.string() }).loose());
const responseValue = {
  title: z.object({ type: z.literal('title'), title: richTextArray }).loose(),
  rich_text: z.object({ type: z.literal('rich_text'), rich_text: richTextArray }).loose(),
  select: z.object({ type: z.literal('select'), select: z.object({ name: z.string() }).loose().nullable() }).loose(),
  date: z.object({ type: z.literal('date'), date: z.object({ start: z.string() }).loose().nullable() }).loose(),
  date_range: z.object({ type: z.literal('date'), date: z.object({ start: z.string(), end: z.string().nullable().optional() }).loose().nullable() }).loose(),
  url: z.object({ type: z.literal('url'), url: z.string().nullable() }).loose(),
  relation: z.object({ type: z.literal('relation'), relation: z.array(z.object({ id: z.string() }).loose()) }).loose(),
} satisfies Record<NotionPropertyType, z.ZodType>;

export class NotionValueError extends Error {
  constructor(readonly property: string, detail: string) {
    super(`unexpected value for the Notion property “${property}”: ${detail}`);
    this.name = 'NotionValueError';
  }
}

/** Reads one property of a page returned by Notion into its canonical value (validated). */
export function readValue(properties: unknown, name: string, type: NotionPropertyType): FieldValue {
  const raw = (properties as Record<string, unknown> | null | undefined)?.[name];
  const parsed = responseValue[type].safeParse(raw);
  if (!parsed.success) throw new NotionValueError(name, parsed.error.issues[0]?.message ?? 'wrong shape');
  const value = parsed.data as Record<string, unknown>;
  switch (type) {
    case 'title':
    case 'rich_text':
      return plainText(value[type] as Array<{ plain_text: string }>);
    case 'select':
      return (value.select as { name: string } | null)?.name ?? null;
    case 'date': {
      const date = value.date as { start: string } | null;
      // A date-time set by hand in Notion still means that calendar day.
      return date ? date.start.slice(0, 10) : null;
    }
    case 'date_range': {
      const date = value.date as { start: string; end?: string | null } | null;
      if (!date) return null;
      return date.end ? `${canonicalDateTime(date.start)}/${canonicalDateTime(date.end)}` : canonicalDateTime(date.start);
    }
    case 'url':
      return (value.url as string | null) || null;
    case 'relation':
      return (value.relation as Array<{ id: string }>).map((item) => normaliseNotionId(item.id)).sort();
  }
}

/** Notion writes a date-time back with milliseconds (`13:30:00.000-04:00`); the same instant is the same value. */
function canonicalDateTime(value: string): string {
  return value.replace(/(T\d\d:\d\d:\d\d)\.0+(?=[Z+-]|$)/, '$1');
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Keys whose values differ between two field sets. */
export function changedKeys<K extends string>(from: Record<K, FieldValue>, to: Record<K, FieldValue>): K[] {
  return (Object.keys(to) as K[]).filter((key) => !sameValue(from[key], to[key]));
}

/** Stable hash of a field set, kept with each link to tell what was last written. */
export function fieldsHash(fields: Record<string, FieldValue>): string {
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/** Builds the request properties for the given keys (all keys when none are given). */
export function toRequestProperties<K extends string>(
  fields: Record<K, FieldValue>,
  names: Record<K, string>,
  types: Record<K, NotionPropertyType>,
  keys: readonly K[] = Object.keys(types) as K[],
): Record<string, PropertyValueRequest> {
  return Object.fromEntries(keys.map((key) => [names[key], requestValue(types[key], fields[key])]));
}

/** Reads every property the sync manages from a page returned by Notion. */
export function fromPageProperties<K extends string>(
  properties: unknown,
  names: Record<K, string>,
  types: Record<K, NotionPropertyType>,
): Record<K, FieldValue> {
  const fields = {} as Record<K, FieldValue>;
  for (const key of Object.keys(types) as K[]) fields[key] = readValue(properties, names[key], types[key]);
  return fields;
}

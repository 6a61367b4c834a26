import { transliterate } from './text.js';

/** Longest ID the app generates; Slack option values allow 150 characters, button values more. */
export const MAX_GENERATED_ID = 80;

/** A readable record ID from free text: "Université de Sherbrooke" → "universite-de-sherbrooke". */
export function slugify(text: string): string {
  const slug = transliterate(text).replace(/ /g, '-').slice(0, MAX_GENERATED_ID).replace(/-+$/, '');
  return slug || 'record';
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet (removed records keep their IDs). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_GENERATED_ID - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

import { z } from 'zod';
import { hasInvisibleCharacters } from '../text.js';
import { isoDate, localTime, slackUserId, webAddress, type BilingualText } from '../types.js';

/**
 * Field schemas for modal submissions. Each one takes the flattened Slack value (string,
 * string[] or null/absent) and fails with an error code from errors.ts as its message.
 */

const asText = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const asList = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Control characters (NUL, ESC…) no one types; PostgreSQL cannot even store a NUL. Tabs and line breaks pass. */
export const withoutControls = (value: string) => !/[\u0000-\u0008\u000E-\u001F\u007F]/u.test(value);

/** Optional text: '' when left blank. */
export function text(max: number) {
  return z.preprocess(asText, z.string().max(max, 'tooLong').refine(withoutControls, 'controlCharacter'));
}

export function requiredText(max: number) {
  return z.preprocess(asText, z.string().min(1, 'required').max(max, 'tooLong').refine(withoutControls, 'controlCharacter'));
}

const visible = (value: string) => !hasInvisibleCharacters(value);
const oneLine = (value: string) => !/[\n\v\f\r\u0085\u2028\u2029]/u.test(value);
/** Braille blanks, lone combining marks, symbols: shown as nothing, or as nothing anyone could type. */
const hasLetterOrDigit = (value: string) => value === '' || /[\p{L}\p{N}]/u.test(value);

/**
 * A name or title: refuses characters that hide or reorder what is shown (see text.ts), names
 * without a single letter or digit and, unless it is a list of one name per line, line breaks.
 */
function asName(schema: z.ZodType<string, unknown>, multiline: boolean) {
  return schema
    .refine(visible, 'invisibleCharacter')
    .refine((value) => multiline || oneLine(value), 'lineBreak')
    .refine(hasLetterOrDigit, 'blankName');
}

/** Optional name or title. */
export function nameText(max: number, { multiline = false } = {}) {
  return asName(text(max), multiline);
}

export function requiredNameText(max: number) {
  return asName(requiredText(max), false);
}

/** Optional `YYYY-MM-DD`; '' when not picked. */
export const optionalDate = z.preprocess(
  asText,
  z.string().refine((value) => value === '' || isoDate.safeParse(value).success, 'invalidDate'),
);

export const requiredDate = z.preprocess(
  asText,
  z
    .string()
    .min(1, 'required')
    .refine((value) => value === '' || isoDate.safeParse(value).success, 'invalidDate'),
);

/** Optional `HH:mm`, as the timepicker sends it. */
export const optionalTime = z.preprocess(
  asText,
  z.string().refine((value) => value === '' || localTime.safeParse(value).success, 'invalidTime'),
);

/** Optional http(s) address; '' when left blank. */
export function optionalWebAddress(max: number) {
  return text(max).refine((value) => value === '' || webAddress.safeParse(value).success, 'invalidUrl');
}

export const optionalUser = z.preprocess(
  asText,
  z.string().refine((value) => value === '' || slackUserId.safeParse(value).success, 'invalidUser'),
);

/** Value of a "none" option: Slack's select menus cannot be cleared once something is picked. */
export const NO_CHOICE = '-';

const asChoice = (value: unknown) => {
  const picked = asText(value);
  return picked === NO_CHOICE ? '' : picked;
};

/** One of `choices`, or '' when none was picked (or the "none" option). */
export function choice<T extends string>(choices: readonly T[]) {
  return z.preprocess(asChoice, z.string().refine((value) => value === '' || (choices as readonly string[]).includes(value), 'unknownChoice'));
}

export function requiredChoice<T extends string>(choices: readonly T[]) {
  return z.preprocess(
    asText,
    z
      .string()
      .min(1, 'required')
      .refine((value) => (choices as readonly string[]).includes(value), 'unknownChoice')
      .transform((value) => value as T),
  );
}

/** Several of `isKnown`, at most `max`. */
export function choices(isKnown: (value: string) => boolean, max: number) {
  return z.preprocess(
    asList,
    z
      .array(z.string())
      .max(max, 'tooMany')
      .refine((values) => values.every(isKnown), 'unknownChoice')
      .transform((values) => [...new Set(values)]),
  );
}

export function nullIfBlank(value: string): string | null {
  return value === '' ? null : value;
}

/** A text typed in one or both languages; the other language reuses it when left blank. */
export function bilingual(fr: string, en: string): BilingualText | null {
  if (!fr && !en) return null;
  return { fr: fr || en, en: en || fr };
}

import type { z } from 'zod';

/** Why a field was refused; the catalogues word each reason in both languages. */
export const formErrorCodes = [
  'required',
  'requiredOneLanguage',
  'tooLong',
  'tooMany',
  'invalidUrl',
  'invalidDate',
  'dateInFuture',
  'invalidTime',
  'invalidUser',
  'unknownChoice',
  'duplicateName',
  'duplicatePerson',
  'invalidEmail',
  'speakerLine',
  'invisibleCharacter',
  'lineBreak',
  'blankName',
  'controlCharacter',
  'invalidYear',
] as const;
export type FormErrorCode = (typeof formErrorCodes)[number];

/** A refusal attached to one input block of the form. */
export interface FormError {
  field: string;
  code: FormErrorCode;
  /** The limit broken, for `tooLong` and `tooMany`. */
  limit?: number;
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

const KNOWN = new Set<string>(formErrorCodes);

/** zod issues → one error per field (the first), with the codes the field schemas use as messages. */
export function formErrorsFrom(issues: readonly z.core.$ZodIssue[]): FormError[] {
  const errors = new Map<string, FormError>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (errors.has(field)) continue;
    const code = (KNOWN.has(issue.message) ? issue.message : 'required') as FormErrorCode;
    const limit = 'maximum' in issue && typeof issue.maximum === 'number' ? issue.maximum : undefined;
    errors.set(field, limit === undefined ? { field, code } : { field, code, limit });
  }
  return [...errors.values()];
}

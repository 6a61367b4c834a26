import { isoDate } from './types.js';

export type SigningDateProblem = 'missing' | 'future' | 'beforePending';

export type SigningDateCheck = { ok: true; date: string } | { ok: false; problem: SigningDateProblem };

/** A signing date is a real calendar date, not in the future, and not before the adhesion was pending. */
export function checkSigningDate(value: string | null | undefined, today: string, pendingSince: string | null): SigningDateCheck {
  const parsed = isoDate.safeParse(value ?? '');
  if (!parsed.success) return { ok: false, problem: 'missing' };
  if (parsed.data > today) return { ok: false, problem: 'future' };
  if (pendingSince && parsed.data < pendingSince) return { ok: false, problem: 'beforePending' };
  return { ok: true, date: parsed.data };
}

import { parseDateWords } from './date-words.js';
import { dateParts, isoDateOf } from './dates.js';
import { stageAtEnd } from './stages.js';
import type { AdhesionStageName } from './types.js';

/** What `/corridor stage <partner> <stage> [date] [: reason]` asks for. */
export type StageRequest =
  | { kind: 'move'; partnerQuery: string; stage: AdhesionStageName; date: string | undefined; reason: string | null }
  /** No partner, or no stage, was typed. */
  | { kind: 'incomplete' }
  /** The words after the partner name no stage. */
  | { kind: 'unknownStage'; typed: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads `venture lab legal review`, `cmc signing 2027-01-20`, `cmc signature 20 janvier 2027`,
 * `venture lab paused: waiting for their board`. A date without a year is in today's year.
 */
export function parseStageArguments(args: string, today: string): StageRequest {
  const colon = args.indexOf(':');
  const head = colon >= 0 ? args.slice(0, colon) : args;
  const reason = colon >= 0 ? args.slice(colon + 1).trim() || null : null;
  const { rest, date } = dateAtEnd(head.trim().split(/\s+/).filter(Boolean), today);
  if (rest.length < 2) return { kind: 'incomplete' };
  const found = stageAtEnd(rest.join(' '));
  if (!found) return { kind: 'unknownStage', typed: rest.slice(-2).join(' ') };
  if (!found.before.trim()) return { kind: 'incomplete' };
  return { kind: 'move', partnerQuery: found.before, stage: found.stage, date, reason };
}

/** A date closing the words (`2027-01-20`, `20 janvier 2027`, `January 20`), and the words before it. */
function dateAtEnd(tokens: string[], today: string): { rest: string[]; date: string | undefined } {
  const last = tokens.at(-1);
  if (last && ISO_DATE.test(last) && isRealDate(last)) return { rest: tokens.slice(0, -1), date: last };
  for (const count of [3, 2]) {
    if (tokens.length <= count) continue;
    const words = parseDateWords(tokens.slice(-count).join(' '));
    if (!words?.day) continue;
    const date = isoDateOf(words.year ?? dateParts(today)[0], words.month, words.day);
    if (isRealDate(date)) return { rest: tokens.slice(0, -count), date };
  }
  return { rest: tokens, date: undefined };
}

function isRealDate(isoDate: string): boolean {
  const [year, month, day] = dateParts(isoDate);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * `partners nh page 2`, `partenaires page 2`: which page of a long list is asked for. The word is
 * the same in French and English; it is read at the end of the text, after any filter.
 */
export type PageWanted =
  | { kind: 'page'; page: number; rest: string }
  /** `page two`, `page 0`: a page number that is none, answered politely. */
  | { kind: 'invalid'; typed: string; rest: string };

const PAGE_WORDS = /(?:^|\s)page(?:\s+(\S+))?\s*$/i;
/** Far beyond any list's last page, small enough to stay an exact integer. */
const MAX_PAGE = 1_000_000;

export function readPage(args: string): PageWanted {
  const match = PAGE_WORDS.exec(args);
  if (!match) return { kind: 'page', page: 1, rest: args.trim() };
  const rest = args.slice(0, match.index).trim();
  const typed = match[1] ?? '';
  const page = /^\d{1,7}$/.test(typed) ? Number(typed) : NaN;
  return page >= 1 && page <= MAX_PAGE ? { kind: 'page', page, rest } : { kind: 'invalid', typed, rest };
}

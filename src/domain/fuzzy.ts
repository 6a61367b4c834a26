/**
 * Typo-tolerant comparison of typed words with stored ones, for every lookup (partners, events,
 * command names). Texts are compared normalised (see text.ts).
 */

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and
 * swaps of two neighbouring letters each count one: "sherbroke" (a letter missing) and "shebrrooke"
 * (two letters swapped) are each one typo from "sherbrooke".
 * Stops early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function typoDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      row.push(best);
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Typos forgiven in a word of this length: none up to 3 letters (acronyms such as "cpq" or "uvm"
 * would otherwise match every other three-letter word), one up to 7, two from 8.
 */
export function typosAllowed(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

/** True when `typed` is close enough to `stored` to be a typo of it ("isq" of "iseq", not "cpq" of "cmc"). */
export function isTypoOf(typed: string, stored: string): boolean {
  const allowed = typosAllowed(Math.max(typed.length, stored.length));
  return allowed > 0 && typoDistance(typed, stored, allowed) <= allowed;
}

/** A typed word stands for a stored word when it starts it ("univ", "sherb") or is a typo of it. */
export function wordMatches(typed: string, stored: string): boolean {
  return stored.startsWith(typed) || isTypoOf(typed, stored);
}

/** Every typed word stands for some word of the text, in any order. */
export function everyWordMatches(typedWords: readonly string[], storedWords: readonly string[]): boolean {
  return typedWords.length > 0 && typedWords.every((typed) => storedWords.some((stored) => wordMatches(typed, stored)));
}

/**
 * The value of the name closest to `typed`: the shortest name it starts (3 letters or more), else the nearest
 * within a third of its length (at least one edit), first listed winning ties. Undefined when
 * nothing is that close: a far-fetched guess helps nobody.
 */
export function closestName<T>(typed: string, candidates: readonly { name: string; value: T }[]): T | undefined {
  if (typed.length >= 3) {
    const started = candidates.filter((candidate) => candidate.name.startsWith(typed));
    const shortest = started.reduce<(typeof started)[number] | undefined>((best, candidate) => (!best || candidate.name.length < best.name.length ? candidate : best), undefined);
    if (shortest) return shortest.value;
  }
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: { value: T; score: number } | undefined;
  for (const candidate of candidates) {
    const score = typoDistance(typed, candidate.name, limit);
    if (score <= limit && (!best || score < best.score)) best = { value: candidate.value, score };
  }
  return best?.value;
}

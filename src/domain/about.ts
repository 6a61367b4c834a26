import type { RecordDiff } from './diff.js';
import type { BilingualText, CorridorProfile, HistoryEntry, Track } from './types.js';

/** The four tracks in their order; none before the about record exists. */
export function tracksOf(profile: CorridorProfile | undefined): Track[] {
  return [...(profile?.tracks ?? [])].sort((a, b) => a.position - b.position);
}

/** How many earlier titles a track keeps for lookups: enough for a few renamings, bounded. */
const FORMER_TITLES_KEPT = 5;

/**
 * A track given a new title keeps the one it had among its former titles, so words people learnt
 * (`actions chaînes de valeur`) still find it; the same title again changes nothing.
 */
export function retitled(track: Track, title: BilingualText): Track {
  if (title.fr === track.title.fr && title.en === track.title.en) return track;
  const others = track.formerTitles.filter((former) => !(former.fr === title.fr && former.en === title.en));
  return { ...track, title, formerTitles: [...others, track.title].slice(-FORMER_TITLES_KEPT) };
}

/**
 * One track's history, out of the about record's: each entry that set or changed its title,
 * narrowed to that title (the rest of the card is the about record's own history).
 */
export function trackHistory(entries: readonly HistoryEntry[], trackId: string): HistoryEntry[] {
  return entries.flatMap((entry) => {
    const tracks = entry.diff.tracks;
    if (!tracks) return [];
    const before = titleIn(tracks.from, trackId);
    const after = titleIn(tracks.to, trackId);
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    const diff: RecordDiff = { title: { from: before, to: after } };
    return [{ ...entry, diff, change: before === null ? 'created' : entry.change }];
  });
}

function titleIn(tracks: unknown, trackId: string): BilingualText | null {
  if (!Array.isArray(tracks)) return null;
  const found = tracks.find((track): track is Track => typeof track === 'object' && track !== null && (track as Track).id === trackId);
  return found?.title ?? null;
}

type Change = { from: unknown; to: unknown };

/**
 * A diff's changes, with lists of identified items (the card's figures and tracks) split into one
 * change per item that changed: an edit of one figure shows that figure alone, not all four.
 */
export function itemisedChanges(diff: RecordDiff): [string, Change][] {
  return Object.entries(diff).flatMap(([key, change]): [string, Change][] => {
    const from = byId(change.from);
    const to = byId(change.to);
    if (from === undefined || to === undefined || (from.size === 0 && to.size === 0)) return [[key, change]];
    const ids = [...new Set([...to.keys(), ...from.keys()])];
    return ids
      .map((id): [string, Change] => [key, { from: from.get(id) ?? null, to: to.get(id) ?? null }])
      .filter(([, item]) => JSON.stringify(item.from) !== JSON.stringify(item.to));
  });
}

/** A list of items with IDs by ID (empty for null); undefined for anything else. */
function byId(value: unknown): Map<string, unknown> | undefined {
  if (value === null) return new Map();
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const identified = value.every((item) => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string');
  return identified ? new Map(value.map((item: { id: string }) => [item.id, item])) : undefined;
}

import { normalize } from './text.js';
import type { ActionItem, Track } from './types.js';

export interface TrackGroup {
  /** Null groups the items that belong to no track. */
  track: Track | null;
  items: ActionItem[];
}

/** Action items grouped under the corridor's tracks, in track order; items without a track last. */
export function groupByTrack(items: ActionItem[], tracks: Track[]): TrackGroup[] {
  const groups: TrackGroup[] = tracks.map((track) => ({
    track,
    items: items.filter((item) => item.trackId === track.id),
  }));
  const known = new Set(tracks.map((track) => track.id));
  const untracked = items.filter((item) => item.trackId === null || !known.has(item.trackId));
  if (untracked.length > 0) groups.push({ track: null, items: untracked });
  return groups;
}

/**
 * A track by its number (1–4), ID or words of its title in either language; failing that, by words
 * of a title it had before coordinators renamed it.
 */
export function findTrack(query: string, tracks: Track[]): Track | undefined {
  const typed = normalize(query);
  if (!typed) return undefined;
  if (/^\d+$/.test(typed)) return tracks.find((track) => track.position === Number(typed));
  const typedWords = typed.split(' ');
  const holdsAll = (texts: string[]) => {
    const haystack = normalize(texts.join(' '));
    return typedWords.every((word) => haystack.includes(word));
  };
  return (
    tracks.find((track) => holdsAll([track.id, track.title.fr, track.title.en])) ??
    tracks.find((track) => track.formerTitles.some((title) => holdsAll([title.fr, title.en])))
  );
}

export function isOverdue(item: ActionItem, today: string): boolean {
  return item.dueOn !== null && item.dueOn < today && (item.status === 'open' || item.status === 'in_progress');
}

export function isOpen(item: ActionItem): boolean {
  return item.status === 'open' || item.status === 'in_progress';
}

/** Action items whose ID or title (either language) holds every typed word. */
export function findActions(query: string, items: ActionItem[]): ActionItem[] {
  const typed = normalize(query).split(' ').filter(Boolean);
  if (typed.length === 0) return [];
  const exact = items.filter((item) => item.id === query.trim() || normalize(item.title.fr) === normalize(query) || normalize(item.title.en) === normalize(query));
  if (exact.length > 0) return exact;
  return items.filter((item) => {
    const haystack = normalize([item.id, item.title.fr, item.title.en].join(' '));
    return typed.every((word) => haystack.includes(word));
  });
}

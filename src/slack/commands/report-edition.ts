import type { Audience } from '../../domain/permissions.js';
import { words } from '../../domain/text.js';

/** The words that ask for an edition, in either language. */
const EDITIONS: Readonly<Record<string, Audience>> = { public: 'public', publique: 'public', internal: 'internal', interne: 'internal' };

/**
 * `report public 2026-11`, `export partners public`: the edition asked for (the coordinators'
 * internal one unless `public` is typed) and the other words, normalised.
 */
export function editionOf(args: string): { edition: Audience; rest: string } {
  const typed = words(args);
  const asked = typed.map((word) => EDITIONS[word]).filter((edition) => edition !== undefined);
  return { edition: asked.includes('public') ? 'public' : 'internal', rest: typed.filter((word) => !EDITIONS[word]).join(' ') };
}

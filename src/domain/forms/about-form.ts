import { z } from 'zod';
import { retitled } from '../about.js';
import { draftOf } from '../draft.js';
import { ABOUT_LIMITS, FIGURE_YEARS, TRACK_TITLE_MAX, type BilingualText, type CorridorProfile, type Draft } from '../types.js';
import { formErrorsFrom, type FormResult } from './errors.js';
import { bilingual, nameText, text } from './fields.js';
import type { FormValues } from './state.js';

/** Block IDs of the about form: the purpose and its source, then each figure's and each track's, by ID. */
export const ABOUT_FIELDS = {
  purpose: { fr: 'purpose_fr', en: 'purpose_en' },
  source: { fr: 'source_fr', en: 'source_en' },
  figureValue: (id: string) => ({ fr: `figure_value_fr:${id}`, en: `figure_value_en:${id}` }),
  figureYear: (id: string) => `figure_year:${id}`,
  figureSource: (id: string) => ({ fr: `figure_source_fr:${id}`, en: `figure_source_en:${id}` }),
  trackTitle: (id: string) => ({ fr: `track_title_fr:${id}`, en: `track_title_en:${id}` }),
} as const;

const F = ABOUT_FIELDS;
const L = ABOUT_LIMITS;

type Pair = { fr: string; en: string };
type FieldSchema = z.ZodType<string, unknown>;

/**
 * Validates a submitted about form against the card it was opened on (its figures and tracks) and
 * turns it into the card to save: each text in one language at least, within its limit; each year
 * four digits. A track given a new title keeps the old one among its former titles.
 */
export function parseAboutForm(values: FormValues, existing: CorridorProfile): FormResult<Draft<CorridorProfile>> {
  const pairs: { ids: Pair; schema: () => FieldSchema }[] = [
    { ids: F.purpose, schema: () => text(L.purpose) },
    { ids: F.source, schema: () => nameText(L.source) },
    ...existing.figures.flatMap((figure) => [
      { ids: F.figureValue(figure.id), schema: () => nameText(L.figureValue) },
      { ids: F.figureSource(figure.id), schema: () => nameText(L.source) },
    ]),
    ...existing.tracks.map((track) => ({ ids: F.trackTitle(track.id), schema: () => nameText(TRACK_TITLE_MAX) })),
  ];
  const shape: Record<string, FieldSchema> = {};
  for (const { ids, schema } of pairs) Object.assign(shape, { [ids.fr]: schema(), [ids.en]: schema() });
  for (const figure of existing.figures) shape[F.figureYear(figure.id)] = yearText;
  const schema = z.object(shape).superRefine((form, issues) => {
    for (const { ids } of pairs) {
      if (form[ids.fr] !== '' || form[ids.en] !== '') continue;
      for (const field of [ids.fr, ids.en]) issues.addIssue({ code: 'custom', path: [field], message: 'requiredOneLanguage' });
    }
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrorsFrom(parsed.error.issues) };
  const form = parsed.data as Record<string, string>;
  const both = (ids: Pair): BilingualText => bilingual(form[ids.fr]!, form[ids.en]!)!;
  return {
    ok: true,
    value: {
      ...draftOf(existing),
      purpose: both(F.purpose),
      source: both(F.source),
      figures: existing.figures.map((figure) => ({
        ...figure,
        value: both(F.figureValue(figure.id)),
        year: Number(form[F.figureYear(figure.id)]),
        source: both(F.figureSource(figure.id)),
      })),
      tracks: existing.tracks.map((track) => retitled(track, both(F.trackTitle(track.id)))),
    },
  };
}

/** A year of four digits within FIGURE_YEARS. */
const yearText: FieldSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z
    .string()
    .min(1, 'required')
    .refine((value) => value === '' || (/^\d{4}$/.test(value) && Number(value) >= FIGURE_YEARS.min && Number(value) <= FIGURE_YEARS.max), 'invalidYear'),
);

import { z } from 'zod';
import type { EventWhen } from './events.js';
import { normalize } from './text.js';

const WHEN_WORDS: Record<string, EventWhen> = {
  '': 'all',
  all: 'all',
  tous: 'all',
  upcoming: 'upcoming',
  next: 'upcoming',
  future: 'upcoming',
  'a venir': 'upcoming',
  avenir: 'upcoming',
  prochains: 'upcoming',
  past: 'past',
  previous: 'past',
  passes: 'past',
  passe: 'past',
};

/** Parses the argument of `events`. */
export const eventWhenArgument = z
  .string()
  .transform(normalize)
  .transform((word, context) => {
    const when = WHEN_WORDS[word];
    if (!when) {
      context.addIssue({ code: 'custom', message: 'expected upcoming or past' });
      return z.NEVER;
    }
    return when;
  });

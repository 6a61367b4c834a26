import type { Person } from '../../../domain/types.js';
import type { OptionChoice } from './inputs.js';

/** People a picker offers: those not removed (plus any already chosen), by name. */
export function personChoices(people: readonly Person[], chosen: readonly string[] = []): OptionChoice[] {
  return people
    .filter((person) => person.removedAt === null || chosen.includes(person.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((person) => ({ value: person.id, text: person.name }));
}

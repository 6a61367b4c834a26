import { readVerb } from '../../domain/command-text.js';
import { findPeople } from '../../domain/people.js';
import { peopleListView, personNotFoundView } from '../views/person-views.js';
import type { CorridorCommand } from './command.js';
import { listPage } from './list-page.js';
import { changePerson, peopleDirectory } from './person.js';

/** `people [name]`: everyone on record, partners' people or not, found by name, title or organisation. */
export const peopleCommand: CorridorCommand = {
  name: 'people',
  aliases: ['contacts'],
  frenchAliases: ['personnes', 'gens'],
  help: (t) => t.commands.people,
  async run(args, context) {
    const directory = await peopleDirectory(context);
    const verb = readVerb(args, directory.finder);
    if (verb.kind !== 'lookup') return changePerson(verb, directory, context);
    const page = listPage(verb.query, context.t.commands.people, context);
    if ('answer' in page) return page.answer;
    const query = page.rest;
    const match = findPeople(query, directory.people, directory.organisationNames);
    if (match.kind === 'none') return personNotFoundView(query, match.suggestion, context.t);
    return peopleListView({ ...directory.listing(context.lang), people: match.people, typed: query || undefined, t: context.t, choice: page.choice });
  },
};

import { describe, expect, it } from 'vitest';
import {
  actionsDatabaseProperties,
  checkActionsSchema,
  checkEventsSchema,
  checkPartnersSchema,
  eventsDatabaseProperties,
  NotionSchemaError,
  partnersDatabaseProperties,
  selectOptionName,
} from '../../src/notion/schema.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';

const DATABASE = '3d0982b9-f958-41d0-8437-cf2e00981c7f';
const PARTNERS_SOURCE = '56dd91f4-1705-4ba1-9472-255b785b9929';
const ACTIONS_SOURCE = '4ee04178-60dc-4b13-a1ea-14e3b9661a33';
const PEOPLE_SOURCE = '7a1c2e3d-4b5f-4a6e-9c8d-0e1f2a3b4c5d';
const EVENTS_SOURCE = '9b8a7c6d-5e4f-4d3c-8b2a-1f0e9d8c7b6a';

/** A data source object as Notion returns it for the given definitions. */
function dataSource(id: string, definitions: Record<string, object>, title = 'Corridor partners') {
  return {
    object: 'data_source',
    id,
    title: [{ type: 'text', plain_text: title }],
    parent: { type: 'database_id', database_id: DATABASE },
    properties: Object.fromEntries(
      Object.entries(definitions).map(([name, definition]) => {
        const type = Object.keys(definition)[0]!;
        return [name, { id: name.slice(0, 4), name, description: null, type, ...definition }];
      }),
    ),
  };
}

describe('schema check', () => {
  it('accepts the databases made by the set-up, in English and in French', () => {
    for (const lang of ['en', 'fr'] as const) {
      const partners = checkPartnersSchema(DATABASE, dataSource(PARTNERS_SOURCE, partnersDatabaseProperties(lang)));
      expect(partners).toMatchObject({ lang, dataSourceId: PARTNERS_SOURCE });
      const actions = checkActionsSchema(DATABASE, dataSource(ACTIONS_SOURCE, actionsDatabaseProperties(lang, PARTNERS_SOURCE, seedTracks)), PARTNERS_SOURCE);
      expect(actions.names.partners).toBe(lang === 'en' ? 'Partners concerned' : 'Partenaires concernés');
    }
  });

  it('checks the Events database: its date as a Notion date, its relations to partners, and to people only when the People database is set', () => {
    for (const lang of ['en', 'fr'] as const) {
      const source = dataSource(EVENTS_SOURCE, eventsDatabaseProperties(lang, PARTNERS_SOURCE, PEOPLE_SOURCE), 'Corridor events');
      expect(checkEventsSchema(DATABASE, source, PARTNERS_SOURCE, PEOPLE_SOURCE)).toMatchObject({ lang, withPeople: true });
      expect(checkEventsSchema(DATABASE, source, PARTNERS_SOURCE, undefined)).toMatchObject({ lang, withPeople: false });
    }
    const source = dataSource(EVENTS_SOURCE, eventsDatabaseProperties('en', PARTNERS_SOURCE, PEOPLE_SOURCE), 'Corridor events');
    // Speakers pointing at the partners instead of the people.
    expect(() => checkEventsSchema(DATABASE, source, PARTNERS_SOURCE, PARTNERS_SOURCE)).toThrow(/Speakers/);
    const definitions: Record<string, object> = { ...eventsDatabaseProperties('en', PARTNERS_SOURCE, PEOPLE_SOURCE), Date: { rich_text: {} } };
    expect(() => checkEventsSchema(DATABASE, dataSource(EVENTS_SOURCE, definitions, 'Corridor events'), PARTNERS_SOURCE, PEOPLE_SOURCE)).toThrow(
      'The property “Date” of the Notion database “Corridor events” is of type text; expected type: date.',
    );
  });

  it('names a missing property and one of the wrong type in one message', () => {
    const definitions: Record<string, object> = { ...partnersDatabaseProperties('en') };
    delete definitions['Corridor ID'];
    definitions['Signed on'] = { rich_text: {} };
    let error: unknown;
    try {
      checkPartnersSchema(DATABASE, dataSource(PARTNERS_SOURCE, definitions));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotionSchemaError);
    const message = (error as NotionSchemaError).render('en');
    expect(message).toBe(
      'The Notion database “Corridor partners” has no property “Corridor ID” (expected type: text). ' +
        'The property “Signed on” of the Notion database “Corridor partners” is of type text; expected type: date.',
    );
    expect(message.includes('\n')).toBe(false);
    expect((error as NotionSchemaError).render('fr')).toContain('n’a pas de propriété « Corridor ID » (type attendu\u00a0: texte)');
  });

  it('requires the relation to point at the partners data source', () => {
    const definitions = actionsDatabaseProperties('en', ACTIONS_SOURCE, seedTracks);
    expect(() => checkActionsSchema(DATABASE, dataSource(ACTIONS_SOURCE, definitions), PARTNERS_SOURCE)).toThrow('must link to the partners database');
  });

  it('makes select option names Notion accepts', () => {
    expect(selectOptionName('Research, innovation')).toBe('Research – innovation');
    expect(selectOptionName('x'.repeat(150))).toHaveLength(100);
    for (const track of seedTracks) expect(selectOptionName(track.title.fr).length).toBeLessThanOrEqual(100);
  });
});

import { describe, expect, it } from 'vitest';
import { actionFieldsFromPage, actionFieldsToProperties, actionStatusFromLabel, actionToFields } from '../../src/notion/action-item-properties.js';
import { partnerFieldsFromPage, partnerFieldsToProperties, partnerToFields } from '../../src/notion/partner-properties.js';
import { eventDateValue } from '../../src/notion/event-properties.js';
import { NotionValueError, readValue, requestValue, type PropertyValueRequest } from '../../src/notion/property-values.js';
import { actionPropertyNames, partnerPropertyNames } from '../../src/notion/schema.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { actionRecord, eventRecord, partnerRecord } from '../support/records.js';

const iseq = partnerRecord('iseq', {
  name: 'ISEQ',
  officialName: 'Pôle d’excellence en systèmes électroniques du Québec',
  acronym: 'ISEQ',
  designation: { fr: 'Pôle d’excellence', en: 'Centre of excellence' },
  kind: 'industry_cluster',
  jurisdiction: 'QC',
  website: 'https://iseq.ca/',
  status: 'signatory',
  joinedOn: '2024-11-05',
  pendingSince: null,
  nextStep: null,
  followUpUserId: 'U0123ABC',
});

/** What Notion sends back for request-shaped values (the shapes of the recordings). */
function asResponse(properties: Record<string, PropertyValueRequest>) {
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => {
      const [type, raw] = Object.entries(value)[0]!;
      let response: unknown = raw;
      if (type === 'title' || type === 'rich_text') {
        response = (raw as Array<{ text: { content: string } }>).map((item) => ({ type: 'text', text: { content: item.text.content, link: null }, plain_text: item.text.content, href: null }));
      }
      if (type === 'select') response = raw ? { id: 'abcd', color: 'default', ...(raw as object) } : null;
      if (type === 'date') response = raw ? { end: null, time_zone: null, ...(raw as object) } : null;
      return [name, { id: name.slice(0, 4), type, [type]: response }];
    }),
  );
}

describe('partner properties', () => {
  it('round-trips a partner through Notion properties', () => {
    const names = partnerPropertyNames('en');
    const fields = partnerToFields(iseq, 'en');
    expect(fields).toMatchObject({ name: 'ISEQ', corridorId: 'iseq', status: 'Signatory', kind: 'Industry cluster', jurisdiction: 'Québec', followUp: 'U0123ABC' });
    const properties = partnerFieldsToProperties(fields, names);
    expect(properties.Website).toEqual({ url: 'https://iseq.ca/' });
    expect(properties['Pending since']).toEqual({ date: null });
    expect(partnerFieldsFromPage(asResponse(properties), names)).toEqual(fields);
  });

  it('writes in the language of the database', () => {
    const fields = partnerToFields(iseq, 'fr');
    expect(fields).toMatchObject({ status: 'Signataire', kind: 'Grappe industrielle', designation: 'Pôle d’excellence' });
    expect(Object.keys(partnerFieldsToProperties(fields, partnerPropertyNames('fr')))).toContain('ID du corridor');
  });

  it('refuses a page whose values are not of the expected shape', () => {
    const names = partnerPropertyNames('en');
    const properties = asResponse(partnerFieldsToProperties(partnerToFields(iseq, 'en'), names));
    properties.Kind = { id: 'kind', type: 'multi_select', multi_select: [] } as never;
    expect(() => partnerFieldsFromPage(properties, names)).toThrow(NotionValueError);
    expect(() => partnerFieldsFromPage({}, names)).toThrow('“Name”');
  });
});

describe('action properties', () => {
  const action = actionRecord('announce-new-adhesions', 'value-chains', {
    title: { fr: 'Annoncer les adhésions', en: 'Announce the adhesions' },
    status: 'in_progress',
    ownerUserId: 'U0123ABC',
    dueOn: '2025-06-30',
    partnerIds: ['venture-lab', 'cmc-microsystems', 'gone'],
  });
  const pages = new Map([
    ['venture-lab', 'bbbbbbbb-0000-4000-8000-000000000000'],
    ['cmc-microsystems', 'aaaaaaaa-0000-4000-8000-000000000000'],
  ]);

  it('maps owner, track, status and the partners concerned', () => {
    const tracks = new Map(seedTracks.map((track) => [track.id, track]));
    const { fields, missingPartners } = actionToFields(action, { lang: 'en', tracks, partnerPages: pages });
    expect(fields).toMatchObject({ owner: 'U0123ABC', status: 'In progress', track: 'Building local – resilient value chains', dueOn: '2025-06-30' });
    expect(fields.partners).toEqual(['aaaaaaaa-0000-4000-8000-000000000000', 'bbbbbbbb-0000-4000-8000-000000000000']);
    expect(missingPartners).toEqual(['gone']);
    const names = actionPropertyNames('en');
    const properties = actionFieldsToProperties(fields, names);
    expect(properties['Owner (Slack)']).toEqual({ rich_text: [{ type: 'text', text: { content: 'U0123ABC' } }] });
    expect(properties['Partners concerned']).toEqual({ relation: [{ id: 'aaaaaaaa-0000-4000-8000-000000000000' }, { id: 'bbbbbbbb-0000-4000-8000-000000000000' }] });
    expect(actionFieldsFromPage(asResponse(properties), names)).toEqual(fields);
  });

  it('reads a status option in either language, and nothing else', () => {
    expect(actionStatusFromLabel('Done')).toBe('done');
    expect(actionStatusFromLabel('terminée')).toBe('done');
    expect(actionStatusFromLabel('En cours')).toBe('in_progress');
    expect(actionStatusFromLabel('Blocked')).toBeUndefined();
    expect(actionStatusFromLabel(null)).toBeUndefined();
  });
});

describe('an event’s date range', () => {
  it('reads Notion’s date-time with milliseconds as the one written, and a day-long date as a date', () => {
    const asNotion = (date: unknown) => ({ Date: { id: 'd', type: 'date', date } });
    expect(readValue(asNotion({ start: '2026-06-10T13:30:00.000-04:00', end: '2026-06-10T15:00:00.000-04:00', time_zone: null }), 'Date', 'date_range')).toBe(
      '2026-06-10T13:30:00-04:00/2026-06-10T15:00:00-04:00',
    );
    expect(readValue(asNotion({ start: '2025-04-16', end: null, time_zone: null }), 'Date', 'date_range')).toBe('2025-04-16');
    expect(requestValue('date_range', '2026-06-10T13:30:00-04:00/2026-06-10T15:00:00-04:00')).toEqual({
      date: { start: '2026-06-10T13:30:00-04:00', end: '2026-06-10T15:00:00-04:00' },
    });
    // A partner's date stays a calendar day, whatever time was set in Notion.
    expect(readValue(asNotion({ start: '2026-06-10T13:30:00.000-04:00', end: null }), 'Date', 'date')).toBe('2026-06-10');
  });

  it('gives a timed event without an end the calendar’s one hour, across the change to summer time', () => {
    const event = eventRecord('e', '2026-03-08', { startTime: '01:30', endTime: null });
    expect(eventDateValue(event, 'America/Toronto')).toBe('2026-03-08T01:30:00-05:00/2026-03-08T03:30:00-04:00');
    expect(eventDateValue(eventRecord('d', '2025-04-16'), 'America/Toronto')).toBe('2025-04-16');
  });
});

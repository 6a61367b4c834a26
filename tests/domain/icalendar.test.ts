import { afterEach, describe, expect, it } from 'vitest';
import { buildICalendar, eventUid } from '../../src/domain/icalendar.js';
import { eventRecord, seedRecords } from '../support/records.js';

const machineZone = process.env.TZ;

afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

const meeting = eventRecord('first-official-meeting-2025-04-16', '2025-04-16', {
  title: { fr: 'Première rencontre officielle', en: 'First official meeting' },
  place: 'Université de Sherbrooke',
  summary: { fr: 'Quatre pistes d’action.', en: 'Four action tracks.' },
  version: 3,
  createdAt: '2025-04-17T10:00:00.000Z',
  updatedAt: '2025-05-01T14:05:09.123Z',
});
const forum = eventRecord('forum', '2026-11-26', { startTime: '18:30', status: 'cancelled', title: { fr: 'Forum', en: 'Forum' } });

function ics(lang: 'fr' | 'en' | 'both' = 'en'): string {
  return buildICalendar({ events: [meeting, forum], timeZone: 'America/Toronto', lang, name: 'Corridor' });
}

describe('buildICalendar', () => {
  it('writes RFC 5545 with CRLF lines, the zone’s VTIMEZONE and a DATE for a day-long event', () => {
    const text = ics();
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//corridor-bot//events//EN\r\nMETHOD:PUBLISH\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR')).toBe(true);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(text.match(/BEGIN:VTIMEZONE\r\nTZID:America\/Toronto\r\n/g)).toHaveLength(1);
    expect(text).toContain('DTSTART;VALUE=DATE:20250416\r\n');
    expect(text).toContain('DTSTART;TZID=America/Toronto:20261126T183000\r\n');
  });

  it('keeps the UID, and takes SEQUENCE, DTSTAMP and LAST-MODIFIED from the record', () => {
    const text = ics();
    expect(eventUid(meeting)).toBe('first-official-meeting-2025-04-16@corridor-bot');
    expect(text).toContain('UID:first-official-meeting-2025-04-16@corridor-bot\r\nSEQUENCE:2\r\nDTSTAMP:20250501T140509Z\r\n');
    expect(text).toContain('LAST-MODIFIED:20250501T140509Z\r\n');
    expect(text).toContain('CREATED:20250417T100000Z\r\n');
    expect(text).toMatch(/UID:forum@corridor-bot[\s\S]*STATUS:CANCELLED/);
  });

  it('writes titles and descriptions in the language asked for, or both', () => {
    expect(ics('fr')).toContain('SUMMARY:Première rencontre officielle\r\n');
    expect(ics('fr')).toContain('DESCRIPTION:Quatre pistes d’action.\r\n');
    expect(ics('en')).toContain('SUMMARY:First official meeting\r\n');
    expect(ics('both')).toContain('SUMMARY:Première rencontre officielle / First official meeting\r\n');
    expect(ics('both')).toContain('SUMMARY:Forum\r\n');
    expect(ics('both')).toContain('DESCRIPTION:Quatre pistes d’action.\\n\\nFour action tracks.\r\n');
  });

  it('writes the same text whatever the machine’s own time zone', () => {
    process.env.TZ = 'UTC';
    const utc = ics();
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(ics(), zone).toBe(utc);
    }
  });

  it('drops control characters from titles, places and descriptions, and keeps line breaks escaped', () => {
    const raw = eventRecord('raw', '2026-03-02', {
      title: { fr: 'Forum\u0000 de\u000b Bromont\u001b[31m', en: 'Bromont\u007f forum\u0085' },
      place: 'Salle\u0007 A\r\nBromont',
      summary: { fr: 'Ligne\u0001 un\rLigne deux\ttabulée', en: 'Line one' },
    });
    const text = buildICalendar({ events: [raw], timeZone: 'America/Toronto', lang: 'both', name: 'Corridor\u001b' });
    // Only the line ends of the file itself (CR LF) and the tab, which TEXT allows, are left.
    expect(text.replace(/\r\n/g, '').replace(/\t/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Forum de Bromont[31m / Bromont forum\r\n');
    expect(unfolded).toContain('LOCATION:Salle A\\nBromont\r\n');
    expect(unfolded).toContain('DESCRIPTION:Ligne un\\nLigne deux\ttabulée\\n\\nLine one\r\n');
  });

  describe('an invitation', () => {
    const { people } = seedRecords();
    const withEmail = (id: string, email: string | null, removedAt: string | null = null) => ({ ...people.find((person) => person.id === id)!, email, removedAt });
    const directory = [withEmail('stephanie-latour', 'stephanie.latour@technumquebec.ca'), withEmail('peter-welch', null), withEmail('rene-sylvestre', 'rene@example.org'), withEmail('jean-gone', 'gone@example.org', '2026-01-01T00:00:00.000Z')];
    directory[3]!.id = 'jean-gone';
    const call = eventRecord('call', '2026-11-26', {
      startTime: '13:30',
      endTime: '15:00',
      place: '',
      onlineUrl: 'https://zoom.us/j/851',
      invitedPersonIds: ['stephanie-latour', 'peter-welch', 'jean-gone'],
      attendeePersonIds: ['rene-sylvestre'],
    });
    const one = (event: typeof call, withPeople = true) =>
      buildICalendar({ events: [event], timeZone: 'America/Toronto', lang: 'en', name: 'Corridor', ...(withPeople ? { people: directory } : {}) }).replace(/\r\n /g, '');

    it('ends at its end time, is located at its link when it has no place, and links to it', () => {
      const text = one(call);
      expect(text).toContain('DTSTART;TZID=America/Toronto:20261126T133000\r\nDTEND;TZID=America/Toronto:20261126T150000\r\n');
      expect(text).toContain('LOCATION:https://zoom.us/j/851\r\n');
      expect(text).toContain('URL;VALUE=URI:https://zoom.us/j/851\r\n');
    });

    it('lasts one hour without an end, across midnight when it starts late', () => {
      expect(one({ ...call, endTime: null })).toContain('DTEND;TZID=America/Toronto:20261126T143000\r\n');
      expect(one({ ...call, startTime: '23:30', endTime: null })).toContain('DTEND;TZID=America/Toronto:20261127T003000\r\n');
      expect(one({ ...call, startTime: null, endTime: null })).not.toContain('DTEND');
    });

    it('lists invitees and people present whose e-mail is known, never a removed person, and nobody without the people', () => {
      const attendees = one(call).match(/ATTENDEE[^\r]*/g);
      expect(attendees).toEqual([
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Stéphanie Latour":MAILTO:stephanie.latour@technumquebec.ca',
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="René Sylvestre":MAILTO:rene@example.org',
      ]);
      expect(one(call, false)).not.toMatch(/ATTENDEE|MAILTO/);
      const quoted = directory.map((person) => (person.id === 'rene-sylvestre' ? { ...person, name: 'René "Ray" Sylvestre' } : person));
      const text = buildICalendar({ events: [call], timeZone: 'America/Toronto', lang: 'en', name: 'Corridor', people: quoted }).replace(/\r\n /g, '');
      expect(text).toContain('CN="René \'Ray\' Sylvestre":MAILTO:rene@example.org');
    });
  });
});

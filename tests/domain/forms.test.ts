import { describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { parseActionForm, parseActionStatusForm } from '../../src/domain/forms/action-item-form.js';
import { parseEventForm, speakerLines } from '../../src/domain/forms/event-form.js';
import { NO_CHOICE } from '../../src/domain/forms/fields.js';
import { parsePartnerForm } from '../../src/domain/forms/partner-form.js';
import { parsePersonForm } from '../../src/domain/forms/person-form.js';
import { flattenState } from '../../src/domain/forms/state.js';
import { partner } from '../../src/domain/types.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { seedRecords } from '../support/records.js';

const { partners, people, events, actions } = seedRecords({ updatedBy: 'seed' });
const today = '2026-03-02';
const byId = <T extends { id: string }>(list: T[], id: string) => list.find((item) => item.id === id)!;

describe('flattenState', () => {
  it('reads each element type as one value per block', () => {
    expect(
      flattenState({
        name: { name: { type: 'plain_text_input', value: ' Nova ' } },
        blank: { blank: { type: 'plain_text_input', value: null } },
        date: { date: { type: 'datepicker', selected_date: '2026-05-01' } },
        time: { time: { type: 'timepicker', selected_time: '09:30' } },
        owner: { owner: { type: 'users_select', selected_user: 'U0BOB' } },
        kind: { kind: { type: 'static_select', selected_option: { value: 'university' } } },
        status: { status: { type: 'radio_buttons', selected_option: null } },
        partners: { partners: { type: 'multi_static_select', selected_options: [{ value: 'c2mi' }, { value: 'distriq' }] } },
        organisers: { partners_lookup: { type: 'multi_external_select', selected_options: [{ value: 'iseq' }] } },
      }),
    ).toEqual({
      name: ' Nova ',
      blank: null,
      date: '2026-05-01',
      time: '09:30',
      owner: 'U0BOB',
      kind: 'university',
      status: null,
      partners: ['c2mi', 'distriq'],
      organisers: ['iseq'],
    });
  });
});

describe('partner form', () => {
  const add = (values: Record<string, unknown>) => parsePartnerForm(values as never, { partners, today });

  it('adds a pending partner with a fresh ID, its date and a next step reused in both languages', () => {
    const result = add({
      name: 'Nova Semi',
      status: 'pending',
      status_date: '2026-02-10',
      next_step_en: 'Sign in March',
      next_step_due_on: '2026-03-31',
      kind: NO_CHOICE,
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: 'nova-semi',
        name: 'Nova Semi',
        status: 'pending',
        pendingSince: '2026-02-10',
        joinedOn: null,
        nextStep: { fr: 'Sign in March', en: 'Sign in March' },
        nextStepDueOn: '2026-03-31',
        kind: null,
      }),
    });
  });

  it('records a signature: date signed, no pending date nor next step', () => {
    const venture = byId(partners, 'venture-lab');
    const result = parsePartnerForm(
      { name: 'Venture Lab', status: 'signatory', status_date: '2026-01-15', next_step_fr: 'ignored' },
      { existing: venture, partners, today },
    );
    expect(result.ok && result.value).toMatchObject({ id: 'venture-lab', status: 'signatory', joinedOn: '2026-01-15', pendingSince: null, nextStep: null, nextStepDueOn: null });
  });

  it('keeps a field’s source while its value stands, and drops it once a coordinator changes the value', () => {
    const c2mi = byId(partners, 'c2mi');
    const form = { name: 'C2MI', acronym: 'C2MI', status: 'signatory', jurisdiction: 'QC' };
    const kept = parsePartnerForm({ ...form, website: 'https://c2mi.example' }, { existing: c2mi, partners, today });
    expect(kept.ok && kept.value.sources).toEqual(c2mi.sources);
    expect(kept.ok && kept.value.sources).toHaveLength(1);
    const changed = parsePartnerForm({ ...form, jurisdiction: 'CA' }, { existing: c2mi, partners, today });
    expect(changed.ok && changed.value).toMatchObject({ jurisdiction: 'CA', sources: [] });
  });

  it('maps each faulty field to its block with a reason', () => {
    const result = add({ name: 'C2MI', acronym: 'x'.repeat(31), website: 'ftp://files', status: 'pending', status_date: '2099-01-01', follow_up: 'bob' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'duplicateName' },
        { field: 'acronym', code: 'tooLong', limit: 30 },
        { field: 'website', code: 'invalidUrl' },
        { field: 'status_date', code: 'dateInFuture' },
        { field: 'follow_up', code: 'invalidUser' },
      ]),
    );
  });

  it('needs a date for a new adhesion but not to edit a founder whose signing date is unknown', () => {
    const missing = add({ name: 'Nova', status: 'signatory' });
    expect(!missing.ok && missing.errors).toEqual([{ field: 'status_date', code: 'required' }]);
    const c2mi = byId(partners, 'c2mi');
    expect(parsePartnerForm({ name: 'C2MI', acronym: 'C2MI', status: 'signatory' }, { existing: c2mi, partners, today }).ok).toBe(true);
  });

  it('keeps an internal note, clears a blank one, and refuses one over 1,000 characters', () => {
    const venture = byId(partners, 'venture-lab');
    const edit = (note: string) => parsePartnerForm({ name: 'Venture Lab', status: 'pending', status_date: '2025-04-16', internal_note: note }, { existing: venture, partners, today });
    const noted = edit('  Waiting on their legal review ');
    expect(noted.ok && noted.value.internalNote).toBe('Waiting on their legal review');
    const cleared = edit('   ');
    expect(cleared.ok && cleared.value.internalNote).toBeNull();
    const long = edit('x'.repeat(1001));
    expect(!long.ok && long.errors).toEqual([{ field: 'internal_note', code: 'tooLong', limit: 1000 }]);
  });

  it('reads a partner stored before internal notes existed as having none', () => {
    const { internalNote: _none, ...older } = byId(partners, 'venture-lab');
    expect(partner.parse(older).internalNote).toBeNull();
  });

  it('never reuses an ID, even a removed partner’s', () => {
    const removed = { ...byId(partners, 'c2mi'), id: 'nova', name: 'Old Nova', removedAt: '2026-01-01T00:00:00.000Z' };
    const result = parsePartnerForm({ name: 'Nova', status: 'pending', status_date: today }, { partners: [...partners, removed], today });
    expect(result.ok && result.value.id).toBe('nova-2');
  });
});

describe('names and titles with invisible or text-direction characters', () => {
  it('refuses them under the partner name, acronym and official name', () => {
    const result = parsePartnerForm(
      { name: 'Nova\u200BSemi', acronym: 'N\u202ES', official_name: 'Nova\u00ADSemi Inc.', status: 'pending', status_date: today } as never,
      { partners, today },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'name', code: 'invisibleCharacter' },
        { field: 'acronym', code: 'invisibleCharacter' },
        { field: 'official_name', code: 'invisibleCharacter' },
      ],
    });
  });

  it('does not let C, zero-width space, 2MI sit next to C2MI: the duplicate check ignores them', () => {
    const c2mi = byId(partners, 'c2mi');
    const lookalike = { ...c2mi, id: 'c-2mi', name: 'C\u200B2MI' };
    // Even a name stored with the character (before this check existed) clashes.
    const result = parsePartnerForm({ name: 'C2MI ', status: 'pending', status_date: today } as never, { partners: [lookalike], today });
    expect(result).toEqual({ ok: false, errors: [{ field: 'name', code: 'duplicateName' }] });
  });

  it('refuses them in event titles and speakers, and in action item titles', () => {
    const event = parseEventForm({ title_en: 'Forum\u2066', title_fr: 'Forum', date: '2026-05-01', place: 'Sherbrooke', speakers: 'Jane\u200DRoe — Keynote' } as never, {
      events,
      partners,
      people,
    });
    expect(event).toEqual({
      ok: false,
      errors: [
        { field: 'title_en', code: 'invisibleCharacter' },
        { field: 'speakers', code: 'invisibleCharacter' },
      ],
    });
    const action = parseActionForm({ title_fr: 'Sui\uFEFFvi', title_en: 'Follow-up' } as never, { actions, tracks: seedTracks, partners, today });
    expect(action).toEqual({ ok: false, errors: [{ field: 'title_fr', code: 'invisibleCharacter' }] });
  });
});

describe('event form', () => {
  const context = { events, partners, people };

  it('adds an event at a local time with organisers and speakers, creating unknown speakers', () => {
    const result = parseEventForm(
      {
        title_fr: 'Forum du corridor',
        date: '2026-06-11',
        time: '09:30',
        place: 'Burlington',
        organisers: ['technum-quebec', 'university-of-vermont'],
        speakers: 'Peter Welch — Keynote\n• Jane Roe',
      },
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.event).toMatchObject({
      id: 'forum-du-corridor-2026-06-11',
      title: { fr: 'Forum du corridor', en: 'Forum du corridor' },
      startTime: '09:30',
      status: 'scheduled',
      speakers: [
        { personId: 'peter-welch', role: { fr: 'Keynote', en: 'Keynote' } },
        { personId: 'jane-roe', role: null },
      ],
    });
    expect(result.value.newPeople).toEqual([expect.objectContaining({ id: 'jane-roe', name: 'Jane Roe' })]);
  });

  it('keeps a bilingual role typed as shown, and the attendance it does not edit', () => {
    const meeting = events[0]!;
    const result = parseEventForm(
      {
        title_fr: meeting.title.fr,
        title_en: meeting.title.en,
        date: meeting.date,
        place: meeting.place,
        speakers: 'Peter Welch — Morning address',
        status: 'cancelled',
      },
      { ...context, existing: meeting },
    );
    expect(result.ok && result.value.event).toMatchObject({
      id: meeting.id,
      status: 'cancelled',
      speakers: [{ personId: 'peter-welch', role: { fr: 'Allocution en matinée', en: 'Morning address' } }],
      attendingPartnerIds: meeting.attendingPartnerIds,
    });
  });

  it('refuses a missing title, date and place, a bad time, an unknown organiser and too many speakers', () => {
    const result = parseEventForm(
      { time: '25:00', organisers: ['nobody'], speakers: Array.from({ length: 31 }, (_, i) => `Speaker ${i}`).join('\n') },
      context,
    );
    expect(!result.ok && result.errors).toEqual(
      expect.arrayContaining([
        { field: 'title_fr', code: 'requiredOneLanguage' },
        { field: 'title_en', code: 'requiredOneLanguage' },
        { field: 'date', code: 'required' },
        { field: 'place', code: 'placeOrLink' },
        { field: 'time', code: 'invalidTime' },
        { field: 'organisers', code: 'unknownChoice' },
        { field: 'speakers', code: 'tooMany', limit: 30 },
      ]),
    );
  });

  describe('as an invitation', () => {
    const base = { title_en: 'Corridor call', date: '2026-06-11', time: '13:30' };

    it('keeps an end, an online link, and the partners and people invited', () => {
      const result = parseEventForm(
        { ...base, end_time: '15:00', place: '', online_url: 'https://us02web.zoom.us/j/8512345678?pwd=abc', invited_partners: ['c2mi'], invited_people: ['peter-welch'] },
        context,
      );
      expect(result.ok && result.value.event).toMatchObject({
        startTime: '13:30',
        endTime: '15:00',
        place: '',
        onlineUrl: 'https://us02web.zoom.us/j/8512345678?pwd=abc',
        invitedPartnerIds: ['c2mi'],
        invitedPersonIds: ['peter-welch'],
        attendingPartnerIds: [],
      });
    });

    it('refuses an end before (or at) the start, an end without a start, a link that is not http(s), and no place nor link', () => {
      const errors = (values: Record<string, string | string[] | null>) => {
        const result = parseEventForm({ ...base, place: 'Bromont', ...values }, context);
        return result.ok ? [] : result.errors;
      };
      expect(errors({ end_time: '12:00' })).toEqual([{ field: 'end_time', code: 'endBeforeStart' }]);
      expect(errors({ end_time: '13:30' })).toEqual([{ field: 'end_time', code: 'endBeforeStart' }]);
      expect(errors({ time: null, end_time: '15:00' })).toEqual([{ field: 'end_time', code: 'endWithoutStart' }]);
      for (const link of ['zoom.us/j/1', 'ftp://zoom.us/j/1', 'javascript:alert(1)', 'https://']) {
        expect(errors({ online_url: link }), link).toEqual([{ field: 'online_url', code: 'invalidUrl' }]);
      }
      expect(errors({ place: '' })).toEqual([{ field: 'place', code: 'placeOrLink' }]);
      expect(errors({ invited_people: ['nobody'], invited_partners: ['nowhere'] })).toEqual([
        { field: 'invited_partners', code: 'unknownChoice' },
        { field: 'invited_people', code: 'unknownChoice' },
      ]);
    });

    it('records who attended once the form shows it, and keeps the record when it does not', () => {
      const meeting = events[0]!;
      const values = { title_fr: meeting.title.fr, title_en: meeting.title.en, date: meeting.date, place: meeting.place };
      const kept = parseEventForm(values, { ...context, existing: meeting });
      expect(kept.ok && kept.value.event.attendingPartnerIds).toEqual(meeting.attendingPartnerIds);
      expect(meeting.attendingPartnerIds).toHaveLength(12);
      const changed = parseEventForm({ ...values, attended_partners: ['c2mi', 'technum-quebec'], attended_people: [] }, { ...context, existing: meeting });
      expect(changed.ok && changed.value.event).toMatchObject({ attendingPartnerIds: ['c2mi', 'technum-quebec'], attendeePersonIds: [] });
    });
  });

  it('reads speaker lines with any dash', () => {
    expect(speakerLines('A — x\nB – y\n\nC - z\n  D  ')).toEqual([
      { name: 'A', role: 'x' },
      { name: 'B', role: 'y' },
      { name: 'C', role: 'z' },
      { name: 'D', role: '' },
    ]);
  });
});

describe('action form', () => {
  const context = { actions, tracks: seedTracks, partners, today };

  it('assigns, re-dates and completes an item; completing dates it today', () => {
    const item = actions[0]!;
    const result = parseActionForm(
      { title_en: item.title.en, title_fr: item.title.fr, owner: 'U0BOB', due: '2026-04-30', status: 'done', track: NO_CHOICE, partners: item.partnerIds },
      { ...context, existing: item },
    );
    expect(result.ok && result.value).toMatchObject({
      id: item.id,
      ownerUserId: 'U0BOB',
      dueOn: '2026-04-30',
      status: 'done',
      completedOn: today,
      trackId: null,
    });
  });

  it('reopening clears the completion date; the owner’s status form changes nothing else', () => {
    const done = { ...actions[0]!, status: 'done' as const, completedOn: '2026-01-01', ownerUserId: 'U0BOB' };
    const result = parseActionStatusForm({ status: 'in_progress' }, done, today);
    expect(result.ok && result.value).toEqual({ ...draftOf(done), status: 'in_progress', completedOn: null });
    const unknown = parseActionStatusForm({ status: 'finished' }, done, today);
    expect(!unknown.ok && unknown.errors).toEqual([{ field: 'status', code: 'unknownChoice' }]);
  });

  it('refuses an unknown track and a bad owner', () => {
    const result = parseActionForm({ title_en: 'Map suppliers', track: 'track-9', owner: 'not-a-user' }, context);
    expect(!result.ok && result.errors).toEqual(
      expect.arrayContaining([
        { field: 'track', code: 'unknownChoice' },
        { field: 'owner', code: 'invalidUser' },
      ]),
    );
  });
});

describe('person form', () => {
  it('adds a person with a new ID, a title in both languages and the partner they represent', () => {
    const result = parsePersonForm({ name: ' Éloïse Roy ', title_fr: 'Directrice', partner: 'iseq', email: 'eloise@iseq.example' }, { people, partners });
    expect(result.ok && result.value).toEqual({
      id: 'eloise-roy',
      name: 'Éloïse Roy',
      title: { fr: 'Directrice', en: 'Directrice' },
      partnerId: 'iseq',
      affiliation: null,
      email: 'eloise@iseq.example',
      quote: null,
    });
  });

  it('keeps what the form does not show (the quote) and lets the partner be cleared', () => {
    const manon = byId(people, 'manon-duclos');
    const result = parsePersonForm({ name: 'Manon Duclos', title_en: 'CEO', partner: NO_CHOICE }, { existing: manon, people, partners });
    expect(result.ok && result.value).toMatchObject({ id: 'manon-duclos', partnerId: null, title: { en: 'CEO' }, quote: manon.quote });
  });

  it('refuses a name already on record, an unknown partner, a malformed e-mail', () => {
    const result = parsePersonForm({ name: 'RENE SYLVESTRE', partner: 'nobody', email: 'rene@' }, { people, partners });
    expect(!result.ok && result.errors).toEqual([
      { field: 'partner', code: 'unknownChoice' },
      { field: 'email', code: 'invalidEmail' },
      { field: 'name', code: 'duplicatePerson' },
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/domain/dates.js';
import { draftOf } from '../../src/domain/draft.js';
import { ADMIN_ID, type RunningCorridorApp } from '../support/corridor-app.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { viewSubmission } from '../support/slack-interactions.js';
import { ALICE, appsWithReaders, askAs, PARTNER, SHARED, startWithReaders } from '../support/corridor-readers.js';
import { tempStores } from '../support/temp-stores.js';

// Adhesion stages tried as coordinators and partners would: through signed requests to the real
// receiver, on both databases.

const today = () => localIsoDate(new Date(), 'America/Toronto');

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`adhesion stages (${kind})`, () => {
    const { start } = appsWithReaders(`stages-${kind}`, kind);

    const ask = askAs;

    it('starts the release’s three at intention declared on 16 April 2025, citing the release', async () => {
      const app = await start();
      for (const id of ['venture-lab', 'cmc-microsystems', 'new-hampshire-bea']) {
        expect((await app.store.partners.get(id))!.stage).toMatchObject({ name: 'intention_declared', since: '2025-04-16' });
      }
      const card = await ask(app, 'partner venture lab');
      expect(card).toMatch(/intention declared for \d+ years?/);
      expect(card).toContain('in order to join the initiative shortly');
    });

    it('moves Venture Lab to legal review for a coordinator; pending shows it and for how long', async () => {
      const app = await start();
      const reply = await ask(app, 'stage venture lab legal review');
      expect(reply).toContain('Done: *Venture Lab* — legal review since today.');
      const stored = (await app.store.partners.get('venture-lab'))!;
      expect(stored.stage).toMatchObject({ name: 'legal_review', since: today() });
      expect(stored.status).toBe('pending');
      expect(await ask(app, 'pending')).toContain('Venture Lab — legal review since today');
      // The release's words were the source of the first stage only.
      expect(await ask(app, 'partner venture lab')).not.toContain('in order to join');
      expect(await ask(app, 'digest')).toContain('Venture Lab (stage now legal review)');

      // Three weeks on, it says so; the history names the change.
      await app.store.partners.save({ ...draftOf(stored), stage: { ...stored.stage!, since: addDays(today(), -21) } }, { actor: ADMIN_ID });
      expect(await ask(app, 'pending')).toContain('Venture Lab — legal review for 3 weeks');
      const history = await app.store.history('partner', 'venture-lab');
      expect(history.some((entry) => entry.actor === ADMIN_ID && 'stage' in entry.diff)).toBe(true);
      expect(await ask(app, 'history venture lab')).toContain('Stage');
    });

    it('refuses a colleague who is not a coordinator, and changes nothing', async () => {
      const app = await start();
      const before = (await app.store.partners.get('venture-lab'))!;
      const reply = await ask(app, 'stage venture lab legal review', ALICE);
      expect(reply).toMatch(/coordinator/i);
      expect(reply).not.toContain('Done');
      expect((await app.store.partners.get('venture-lab'))!.version).toBe(before.version);
    });

    it('shows another organisation the stage in neutral words: no overdue, no owner, no reason', async () => {
      const app = await start();
      await ask(app, 'stage venture lab legal review');
      await ask(app, 'stage cmc paused: waiting for their board');
      const outside = await ask(app, 'pending', PARTNER, SHARED);
      expect(outside).toContain('Venture Lab — legal review since today');
      expect(outside).toContain('CMC Microsystems — adhesion in progress since today');
      expect(outside).not.toMatch(/overdue|paused|board|Follow-up|No follow-up/i);
      const inside = await ask(app, 'pending');
      expect(inside).toContain('paused since today · reason: waiting for their board');
      // The New Hampshire department, undated for a year and more, is flagged inside only.
      expect(inside).toContain('Next step overdue');
      const card = await ask(app, 'partner new hampshire', PARTNER, SHARED);
      expect(card).toContain('intention declared');
      expect(card).not.toMatch(/overdue/i);
    });

    it('schedules a signing with its date, and makes a signatory of a signed adhesion', async () => {
      const app = await start();
      expect(await ask(app, 'stage cmc signing')).toContain('When will *CMC Microsystems* sign?');
      expect(await ask(app, 'stage cmc signing 2027-01-20')).toContain('signing scheduled since today · signing set for January 20, 2027');
      expect((await app.store.partners.get('cmc-microsystems'))!.stage).toMatchObject({ name: 'signing_scheduled', on: '2027-01-20' });
      await ask(app, 'stage cmc signed 2026-01-20');
      const signed = (await app.store.partners.get('cmc-microsystems'))!;
      expect(signed).toMatchObject({ status: 'signatory', joinedOn: '2026-01-20', stage: { name: 'signed', since: '2026-01-20' } });
      expect(await ask(app, 'stage cmc legal review')).toContain('already signed');
      expect(await ask(app, 'stage cmc announced')).toContain('announced since today');
      expect((await app.store.partners.get('cmc-microsystems'))!).toMatchObject({ status: 'signatory', joinedOn: '2026-01-20' });
    });

    it('is a field of the partner form: the stage and the day it was reached', async () => {
      const app = await start();
      expect((await app.command('partner edit venture lab', { user_id: ADMIN_ID, channel_id: 'C0CORRIDOR' })).text).toBe('');
      await app.corridor.idle();
      const view = app.slack.callsTo('views.open').at(-1)!.args.view as Record<string, unknown>;
      expect(viewViolations(view)).toEqual([]);
      const blocks = view.blocks as { block_id: string; element: Record<string, unknown> }[];
      expect(blocks.find((block) => block.block_id === 'stage')!.element).toMatchObject({ initial_option: { value: 'intention_declared' } });
      expect(blocks.find((block) => block.block_id === 'stage_since')!.element).toMatchObject({ initial_date: '2025-04-16' });
      const saved = await app.interaction(viewSubmission(ADMIN_ID, view, { stage: 'document_sent', stage_since: null }));
      expect(saved.status).toBe(200);
      expect((await app.store.partners.get('venture-lab'))!.stage).toMatchObject({ name: 'document_sent', since: today() });
      expect(await ask(app, 'pending')).toContain('Venture Lab — adhesion document sent since today');
    });

    it('reads stage names typed loosely in French, and answers in French', async () => {
      const app = await start();
      const reply = await ask(app, 'étape venture lab examen juridique');
      expect(reply).toContain('C’est noté\u00a0: *Venture Lab* — examen juridique depuis aujourd’hui.');
      expect(await ask(app, 'stage venture lab legl reveiw')).toContain('legal review');
      expect(await ask(app, 'stage venture lab banana split')).toContain('I don’t know the stage “banana split”');
      expect(await ask(app, 'stage')).toContain('Tell me the partner and the stage');
      expect(await ask(app, 'stage venture lab document sent 2099-01-01')).toContain('has not come yet');
    });
  });
}

describe('filters people reach for', () => {
  const stores = tempStores('filters', 'sqlite');
  let running: RunningCorridorApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('answers pending nh, actions mine / overdue / <partner> and events <partner>, in both languages', async () => {
    const app = (running = await startWithReaders(await stores.open()));
    const nh = await askAs(app, 'pending nh');
    expect(nh).toContain('PENDING ADHESIONS — NEW HAMPSHIRE');
    expect(nh).toContain('State of New Hampshire');
    expect(nh).not.toContain('Venture Lab');
    expect(await askAs(app, 'attente vt')).toContain('Aucune adhésion en attente — Vermont.');
    const ignored = await askAs(app, 'pending banana');
    expect(ignored).toContain('I left out “banana”');
    expect(ignored).toContain('Venture Lab');

    const [first] = await app.store.actions.list();
    await app.store.actions.save({ ...draftOf(first!), ownerUserId: ADMIN_ID, dueOn: '2025-05-01', status: 'open' }, { actor: ADMIN_ID });
    const mine = await askAs(app, 'actions mine');
    expect(mine).toContain('YOUR ACTION ITEMS');
    expect(mine).toContain(first!.title.en);
    expect((await askAs(app, 'actions mine', ALICE)).match(/•/g) ?? []).toHaveLength(0);
    expect(await askAs(app, 'taches en retard')).toContain(first!.title.fr);
    expect(await askAs(app, 'actions overdue', PARTNER, SHARED)).toContain('kept among the coordinators');

    const events = await askAs(app, 'events technum');
    expect(events).toContain('EVENTS OF TECHNUM QUÉBEC');
    expect(events).toContain('Sherbrooke');
    expect(await askAs(app, 'events zzzz')).toContain('I don’t know “zzzz”');
  });
});

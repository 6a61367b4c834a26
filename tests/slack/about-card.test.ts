import { describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { ABOUT_ID } from '../../src/domain/types.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, type RunningCorridorApp } from '../support/corridor-app.js';
import { ALICE, appsWithReaders, askAs, PARTNER, SHARED } from '../support/corridor-readers.js';
import { buttonClick, viewSubmission, type Json, type Typed } from '../support/slack-interactions.js';

// The about card and the four tracks as records coordinators edit, tried through signed requests
// to the real receiver: the form, what everyone reads after, the history, and who may do it.

interface Ack {
  response_action?: string;
  errors?: Record<string, string>;
  view?: Json & { callback_id: string };
}

/** A new count of the companies, as the next figures could give it. */
const NEW_COUNT: Typed = {
  'figure_value_en:quebec-companies': 'more than 1,000',
  'figure_value_fr:quebec-companies': 'plus de 1 000',
  'figure_year:quebec-companies': '2026',
  'figure_source_en:quebec-companies': 'Institut de la statistique du Québec, 2026 survey',
  'figure_source_fr:quebec-companies': 'Institut de la statistique du Québec, enquête 2026',
};

/** The third track renamed as an action. */
const NEW_TRACK: Typed = {
  'track_title_en:value-chains': 'Building local, resilient supply chains',
  'track_title_fr:value-chains': 'Bâtir des chaînes d’approvisionnement locales et résilientes',
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the about card as a record (${kind})`, () => {
    const { start } = appsWithReaders(`about-${kind}`, kind);

    /** `/corridor <text>` that opens a form: the form as Slack received it, checked against Block Kit. */
    async function openForm(app: RunningCorridorApp, text: string): Promise<Json> {
      const before = app.slack.callsTo('views.open').length;
      const response = await app.command(text, { user_id: ADMIN_ID, channel_id: 'C0CORRIDOR' });
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
      await app.corridor.idle();
      const calls = app.slack.callsTo('views.open');
      expect(calls).toHaveLength(before + 1);
      const view = calls.at(-1)!.args.view as Json;
      expect(view.callback_id).toBe('about_modal');
      expect(viewViolations(view)).toEqual([]);
      return view;
    }

    async function submit(app: RunningCorridorApp, userId: string, view: Json, typed: Typed): Promise<Ack> {
      const response = await app.interaction(viewSubmission(userId, view, typed));
      expect(response.status).toBe(200);
      return (response.text ? response.json : {}) as Ack;
    }

    it('takes a coordinator’s new figure and track title: the card, the actions and the history show them', async () => {
      const app = await start();
      const before = await askAs(app, 'about');
      expect(before).toContain('more than 900');
      expect(before).toContain('2025 · Press release of 17 April 2025, Sherbrooke');

      const view = await openForm(app, 'about edit');
      const ack = await submit(app, ADMIN_ID, view, { ...NEW_COUNT, ...NEW_TRACK });
      expect(ack.response_action).toBe('update');
      expect(ack.view?.callback_id).toBe('saved_modal');
      expect(JSON.stringify(ack.view)).toContain('The about card was updated');
      expect(viewViolations(ack.view)).toEqual([]);

      const card = await askAs(app, 'about');
      expect(card).toContain('more than 1,000');
      expect(card).toContain('2026 · Institut de la statistique du Québec, 2026 survey');
      expect(card).not.toContain('more than 900');
      expect(card).toContain('3. Building local, resilient supply chains');
      const french = await askAs(app, 'à propos');
      expect(french).toContain('plus de 1 000');
      expect(french).toContain('2026 · Institut de la statistique du Québec, enquête 2026');
      // The other figures are as the release gives them.
      expect(card).toContain('2025 · Press release of 17 April 2025, Sherbrooke');

      // Where tracks are shown, the new title; the new words and the old ones both find the track.
      expect(await askAs(app, 'actions')).toContain('Building local, resilient supply chains');
      expect(await askAs(app, 'actions supply chains')).toContain('Action items — Building local, resilient supply chains');
      expect(await askAs(app, 'actions local and resilient value chains')).toContain('Action items — Building local, resilient supply chains');

      const history = await askAs(app, 'history about');
      expect(history).toContain('History — About the corridor');
      expect(history).toContain(`@${ADMIN_ID} changed the record`);
      expect(history).toMatch(/Québec companies in electronics and semiconductors: more than 900 \(2025 · Press release of 17 April 2025, Sherbrooke\) → Québec companies in electronics and semiconductors: more than 1,000 \(2026 · Institut/);
      // Only the figure that changed is listed, not all four.
      expect(history).not.toMatch(/Firms that export: 90% \(2025[^\n]*→/);
      const trackHistory = await askAs(app, 'history supply chains');
      expect(trackHistory).toContain('History — Building local, resilient supply chains');
      expect(trackHistory).toContain('Title: Local and resilient value chains → Building local, resilient supply chains');
      expect(await askAs(app, 'historique à propos')).toContain('Historique — À propos du corridor');
    });

    it('opens from the card’s Edit button, shown to coordinators only', async () => {
      const app = await start();
      const inside = await app.command('about', { user_id: ADMIN_ID, channel_id: 'C0CORRIDOR' });
      expect(JSON.stringify(inside.json)).toContain('about_edit');
      for (const [userId, channelId] of [[ALICE, 'C0CORRIDOR'], [PARTNER, SHARED]] as const) {
        const reply = await app.command('about', { user_id: userId, channel_id: channelId });
        expect(JSON.stringify(reply.json)).not.toContain('about_edit');
      }
      // Another organisation reads the card as anyone does: it is public.
      const outside = await askAs(app, 'about', PARTNER, SHARED);
      expect(outside).toContain('more than 900');
      expect(outside).toContain('Better mutual knowledge of the ecosystems');

      const card = (await app.store.about.get(ABOUT_ID))!;
      const clicked = await app.interaction(buttonClick(ADMIN_ID, 'about_edit', `${ABOUT_ID}@${card.version}`, { responseUrl: app.slack.responseUrl }));
      expect(clicked.status).toBe(200);
      await app.corridor.idle();
      const view = app.slack.callsTo('views.open').at(-1)!.args.view as Json;
      expect(view.callback_id).toBe('about_modal');
      expect(viewViolations(view)).toEqual([]);

      const opened = app.slack.callsTo('views.open').length;
      await app.interaction(buttonClick(ALICE, 'about_edit', `${ABOUT_ID}@${card.version}`, { responseUrl: app.slack.responseUrl }));
      await app.corridor.idle();
      expect(app.slack.callsTo('views.open')).toHaveLength(opened);
      expect(JSON.stringify(app.slack.callsTo('response_url').at(-1)?.args)).toMatch(/coordinators/);
    });

    it('refuses the form to a colleague and to another organisation, and a forged submission changes nothing', async () => {
      const app = await start();
      const view = await openForm(app, 'about edit');
      const opened = app.slack.callsTo('views.open').length;
      expect(await askAs(app, 'about edit', ALICE)).toMatch(/only the corridor’s coordinators/);
      const outside = await askAs(app, 'à propos modifier', PARTNER, SHARED);
      expect(outside).toContain('Désolé, les dossiers du corridor sont modifiés par l’organisation de ses coordonnateurs seulement');
      expect(outside).not.toContain('plus de 900');
      await app.corridor.idle();
      expect(app.slack.callsTo('views.open')).toHaveLength(opened);

      for (const userId of [ALICE, PARTNER]) {
        const ack = await submit(app, userId, view, NEW_COUNT);
        expect(ack.response_action).toBe('update');
        expect(ack.view?.callback_id).toBe('refused_modal');
      }
      const card = (await app.store.about.get(ABOUT_ID))!;
      expect(card).toMatchObject({ version: 1, figures: [{ value: { en: 'more than 900' }, year: 2025 }, {}, {}, {}] });
      expect(await app.store.history('about', ABOUT_ID)).toHaveLength(1);
    });

    it('puts an empty, too long or wrong value under its field and keeps the form open', async () => {
      const app = await start();
      const view = await openForm(app, 'about edit');
      const empty = await submit(app, ADMIN_ID, view, {
        'figure_value_en:exporters': '',
        'figure_value_fr:exporters': '',
        // Slack caps what is typed; a forged submission is checked all the same.
        'figure_source_en:exporters-to-us': 'x'.repeat(301),
        'figure_year:years-of-collaboration': '25',
        'track_title_fr:joint-projects': '   ',
        'track_title_en:joint-projects': null,
      });
      expect(empty.response_action).toBe('errors');
      expect(empty.errors).toEqual({
        'figure_value_en:exporters': 'Please fill this in, in at least one language.',
        'figure_value_fr:exporters': 'Please fill this in, in at least one language.',
        'figure_source_en:exporters-to-us': 'Please keep this under 300 characters.',
        'figure_year:years-of-collaboration': 'Please give a year of four digits, such as 2025.',
        'track_title_en:joint-projects': 'Please fill this in, in at least one language.',
        'track_title_fr:joint-projects': 'Please fill this in, in at least one language.',
      });
      expect((await app.store.about.get(ABOUT_ID))!.version).toBe(1);

      // One language left blank takes the other's text, as in every form.
      const ack = await submit(app, ADMIN_ID, view, { 'figure_value_en:exporters': '91%', 'figure_value_fr:exporters': '' });
      expect(ack.view?.callback_id).toBe('saved_modal');
      expect((await app.store.about.get(ABOUT_ID))!.figures[1]!.value).toEqual({ fr: '91%', en: '91%' });
    });

    it('refuses a form submitted over a card changed meanwhile, overwriting nothing', async () => {
      const app = await start();
      const view = await openForm(app, 'about edit');
      const card = (await app.store.about.get(ABOUT_ID))!;
      await app.store.about.save({ ...draftOf(card), purpose: { fr: 'Mission revue', en: 'Purpose revised' } }, { actor: 'U0BOB', expectedVersion: card.version });
      const ack = await submit(app, ADMIN_ID, view, NEW_COUNT);
      expect(ack.view?.callback_id).toBe('conflict_modal');
      expect(viewViolations(ack.view)).toEqual([]);
      expect(JSON.stringify(ack.view)).toContain('changed by <@U0BOB> meanwhile');
      const current = (await app.store.about.get(ABOUT_ID))!;
      expect(current).toMatchObject({ version: 2, updatedBy: 'U0BOB', purpose: { en: 'Purpose revised' } });
      expect(current.figures[0]!.value.en).toBe('more than 900');
      // Edit again: the form on the current card.
      const again = await submit(app, ADMIN_ID, ack.view!, {});
      expect(again.view?.callback_id).toBe('about_modal');
      expect(JSON.stringify(again.view)).toContain('Purpose revised');
      expect(JSON.parse(String(again.view!.private_metadata))).toMatchObject({ id: ABOUT_ID, version: 2 });
    });
  });
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import { SEED_ACTOR } from '../../src/store/seed/seed-plan.js';
import { addUsualShortNames } from '../../src/store/seed/usual-short-names.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';

// The subcommands that change records, as the local console runs them (no Slack: no modals).

let store: SqliteCorridorStore;

beforeEach(async () => {
  store = await openSqliteStore('sqlite::memory:');
});

afterEach(async () => {
  await store.close();
});

async function run(text: string, userId = 'U0ADMIN', lang: 'fr' | 'en' = 'en') {
  const reply = await runCorridorCommand({ text, userId, lang, audience: 'internal', store, timeZone: 'America/Toronto', admins: ['U0ADMIN'] });
  return reply ? renderBlocksAsText(reply.blocks) : '(no reply)';
}

describe('modal subcommands outside Slack', () => {
  it('say they need Slack, in the user’s language', async () => {
    for (const text of ['partner add', 'partner edit c2mi', 'event add', 'event edit 2025-04-16', 'action add', 'action edit announce']) {
      expect(await run(text)).toContain('opens a form in Slack');
    }
    expect(await run('partenaire ajouter', 'U0ADMIN', 'fr')).toContain('ouvre un formulaire dans Slack');
  });

  it('refuse non-admins first, naming who can help', async () => {
    expect(await run('partner add', 'U0ALICE')).toContain('only the corridor’s coordinators can change its records. @U0ADMIN can help.');
    expect(await run('evenement modifier 2025-04-16', 'U0ALICE', 'fr')).toContain('seuls les coordonnateurs du corridor');
  });

  it('ask which record to edit when none is named, and say when none matches', async () => {
    expect(await run('partner edit')).toContain('/corridor partner edit c2mi');
    expect(await run('event edit')).toContain('/corridor event edit 2025-04-16');
    expect(await run('partner edit nothing like it')).toContain('No partner matches');
  });

  it('keep lookups of a partner whose name starts with a verb', async () => {
    await store.partners.save(
      {
        id: 'new-england-chips',
        name: 'New England Chips',
        officialName: null,
        acronym: null,
        aliases: [],
        designation: null,
        kind: 'company',
        jurisdiction: 'MA',
        website: null,
        status: 'pending',
        joinedOn: null,
        pendingSince: '2026-01-05',
        nextStep: null,
        nextStepDueOn: null,
        followUpUserId: null,
        internalNote: null,
        stage: null,
      },
      { actor: 'U0ADMIN' },
    );
    expect(await run('partner new england chips', 'U0ALICE')).toContain('NEW ENGLAND CHIPS');
    expect(await run('partner c2mi', 'U0ALICE')).toContain('C2MI');
  });

  it('search for a name after "new", telling coordinators how to add a partner nobody has', async () => {
    const admin = await run('partner new brunswick innovation');
    expect(admin).toContain('No partner matches “new brunswick innovation”');
    expect(admin).toContain('/corridor partner add <name>');
    const member = await run('partner new brunswick innovation', 'U0ALICE');
    expect(member).toContain('No partner matches');
    expect(member).not.toContain('partner add');
    expect(await run('partner new hampshire', 'U0ALICE')).toContain('DEPARTMENT OF BUSINESS AND ECONOMIC AFFAIRS');
  });

  it('show an action item by words of its title, with its partners', async () => {
    const text = await run('action announce', 'U0ALICE');
    expect(text).toContain('ANNOUNCE THE ADHESION OF NEW STRATEGIC PARTNERS');
    expect(text).toContain('Venture Lab, CMC Microsystems');
  });
});

describe('history', () => {
  it('shows a seeded partner’s creation by the founding press release, dated from the release', async () => {
    const text = await run('history venture lab');
    expect(text).toContain('HISTORY — VENTURE LAB');
    // The release's day, not the moment this database was seeded.
    expect(text).toContain('April 17, 2025 — The founding press release created the record.');
    expect(await run('historique venture lab', 'U0ALICE', 'fr')).toContain('17 avril 2025 — Le communiqué fondateur a créé la fiche.');
    expect(text).toContain('Status: Pending adhesion');
  });

  it('shows a removed partner’s history too, newest first, old → new', async () => {
    const c2mi = (await store.partners.get('c2mi'))!;
    await store.partners.save({ ...c2mi, website: 'https://c2mi.example' }, { actor: 'U0BOB' });
    await store.partners.remove('c2mi', { actor: 'U0ADMIN' });
    const text = await run('historique c2mi', 'U0ALICE', 'fr');
    expect(text).toContain('3 modifications');
    const removed = text.indexOf('@U0ADMIN a retiré la fiche');
    const updated = text.indexOf('@U0BOB a modifié la fiche');
    expect(removed).toBeGreaterThan(-1);
    expect(updated).toBeGreaterThan(removed);
    expect(text).toContain('Site Web\u00a0: — → https://c2mi.example');
  });

  it('names who gave an older database its usual short names', async () => {
    const uvm = (await store.partners.get('university-of-vermont'))!;
    await store.partners.save({ ...draftOf(uvm), aliases: [] }, { actor: SEED_ACTOR });
    expect(await addUsualShortNames(store)).toBe(1);
    const text = await run('history uvm', 'U0ALICE');
    expect(text).toContain('The list of partners’ usual short names changed the record.');
    expect(text).toContain('Usual short names: — → UVM');
  });

  it('asks whose history when no record is named', async () => {
    expect(await run('history')).toContain('/corridor history c2mi');
  });

  it('reads a person’s, an event’s and an action item’s history as well as a partner’s', async () => {
    const welch = await run('history welch');
    expect(welch).toContain('HISTORY — PETER WELCH');
    expect(welch).toContain('The founding press release created the record.');
    expect(welch).toContain('Senator (Vermont)');
    const meeting = await run('historique 2025-04-16', 'U0ALICE', 'fr');
    expect(meeting).toContain('HISTORIQUE — PREMIÈRE RENCONTRE OFFICIELLE DES SIGNATAIRES');
    expect(meeting).toContain('Université de Sherbrooke');
    const item = await store.actions.get('announce-new-adhesions');
    await store.actions.save({ ...draftOf(item!), dueOn: '2026-03-31' }, { actor: 'U0BOB' });
    const action = await run('history announce');
    expect(action).toContain(`HISTORY — ${item!.title.en.toUpperCase()}`);
    expect(action).toContain('@U0BOB changed the record.');
    // A partner's name comes first: "technum" is the partner, not its two people.
    expect(await run('history technum')).toContain('HISTORY — TECHNUM QUÉBEC');
  });

  it('lists the people a query finds when it finds several, and stays within Slack’s limits on a long history', async () => {
    const presidents = await run('history president');
    expect(presidents).toContain('Manon Duclos');
    expect(presidents).toContain('Michel Belval');
    const rene = (await store.people.get('rene-sylvestre'))!;
    for (let edit = 1; edit <= 60; edit += 1) {
      const current = (await store.people.get('rene-sylvestre'))!;
      await store.people.save({ ...draftOf(current), title: { fr: `${rene.title!.fr} (${edit})`, en: `${rene.title!.en} (${edit})` } }, { actor: 'U0BOB' });
    }
    const reply = await runCorridorCommand({ text: 'history sylvestre', userId: 'U0ADMIN', lang: 'en', audience: 'internal', store, timeZone: 'America/Toronto', admins: ['U0ADMIN'] });
    expect(blockKitViolations(reply!.blocks, 'message')).toEqual([]);
    expect(renderBlocksAsText(reply!.blocks)).toContain('61 changes, newest first');
  });
});

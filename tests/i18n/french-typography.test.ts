import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr.js';
import { formatDateTime, formatTime } from '../../src/i18n/format.js';
import { lacksSpaceBefore, ZERO_MINUTES } from '../support/french-prose.js';
import { draftOf } from '../../src/domain/draft.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import { reminderView } from '../../src/slack/views/reminder-view.js';
import { composeNudges } from '../../src/jobs/nudges.js';
import { nudgeView, nudgeWithItemHandled } from '../../src/slack/views/nudge-view.js';
import { eventReminderView } from '../../src/slack/views/event-reminder-view.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';

// OQLF typography in every French text the app renders: a non-breaking space (U+00A0 or U+202F)
// before a colon and a semicolon, hours without a leading zero ("8 h 46", not "08 h 46") and whole
// hours without their minutes ("11 h"). First the catalogue, then the replies as rendered.

/** Every text of the catalogue, its functions called with counts (0, 1, 2) and sample words. */
function renderedTexts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') return renderings(node as (...args: unknown[]) => unknown).map((text) => [path, text]);
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => renderedTexts(value, `${path}.${key}`));
  return [];
}

function renderings(fn: (...args: unknown[]) => unknown): string[] {
  const texts: string[] = [];
  for (const count of [0, 1, 2]) {
    for (const args of [Array.from({ length: fn.length }, () => count), Array.from({ length: fn.length }, (_, i) => (i === 0 ? 'Nom' : count)), [['a', 'b']]]) {
      try {
        const text = fn(...args);
        if (typeof text === 'string') texts.push(text);
      } catch {
        // Not the arguments this function takes: the other samples cover it.
      }
    }
  }
  return texts;
}

const texts = renderedTexts(fr);

describe('the French catalogue', () => {
  it('is rendered in full by the scan', () => {
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.some(([, text]) => text.includes('\u00a0:'))).toBe(true);
  });

  it('puts a non-breaking space before every colon, never an ordinary one', () => {
    const faulty = texts.filter(([, text]) => / :/.test(text)).map(([path, text]) => `${path}: ${text}`);
    expect(faulty).toEqual([]);
  });

  it('puts a non-breaking space before every colon and semicolon of its prose, never none', () => {
    // The French help's one English line, pointing to the English commands, is English.
    const french = texts.filter(([path]) => path !== '.help.otherLanguage');
    const faulty = french.filter(([, text]) => lacksSpaceBefore(text)).map(([path, text]) => `${path}: ${text}`);
    expect(faulty).toEqual([]);
  });

  it('writes no hour with a leading zero', () => {
    const faulty = texts.filter(([, text]) => /\b0\d h\b/.test(text)).map(([path]) => path);
    expect(faulty).toEqual([]);
  });
});

describe('French times', () => {
  it('read "8 h 46", not "08 h 46", at every hour of the day', () => {
    for (let hour = 0; hour < 24; hour += 1) {
      const time = `${String(hour).padStart(2, '0')}:46`;
      expect(formatTime(time, 'fr')).toBe(`${hour} h 46`);
      const instant = new Date(Date.UTC(2026, 10, 30, hour, 46));
      expect(formatDateTime(instant, 'fr', 'UTC')).toBe(`30 nov. 2026, ${hour} h 46`);
    }
  });

  it('read « 11 h », not « 11 h 00 », at a whole hour', () => {
    for (let hour = 0; hour < 24; hour += 1) {
      expect(formatTime(`${String(hour).padStart(2, '0')}:00`, 'fr')).toBe(`${hour} h`);
      expect(formatDateTime(new Date(Date.UTC(2026, 10, 30, hour)), 'fr', 'UTC')).toBe(`30 nov. 2026, ${hour} h`);
    }
    expect(formatTime('11:05', 'fr')).toBe('11 h 05');
    expect(formatTime('11:00', 'en')).toBe('11:00 a.m.');
  });

  it('keep English as it was: "8:46 a.m."', () => {
    expect(formatTime('08:46', 'en')).toBe('8:46 a.m.');
    expect(formatDateTime(new Date(Date.UTC(2026, 10, 30, 13, 46)), 'en', 'America/Toronto')).toBe('November 30, 2026 at 8:46 a.m.');
  });
});
// OQLF typography in what the app renders in French, not only in its catalogue: a non-breaking
// space before every colon and semicolon, whole hours as "11 h", in the console's rendering of
// every reply (fields joined with their labels), the history (its sources), the reminder.

const NOW = new Date('2026-11-26T15:00:00Z');
const ADMIN = 'U0ADMIN';
let store: SqliteCorridorStore;

async function ask(text: string, audience: 'internal' | 'public' = 'internal') {
  return runCorridorCommand({ text, userId: ADMIN, lang: 'en', audience, store, timeZone: 'America/Toronto', admins: [ADMIN], now: NOW });
}

beforeAll(async () => {
  store = await openSqliteStore('sqlite::memory:');
  const write = { actor: ADMIN };
  const meeting = (await store.events.list())[0]!;
  await store.events.save({ ...draftOf(meeting), id: 'atelier', date: '2026-12-10', startTime: '11:00', title: { fr: 'Atelier', en: 'Workshop' } }, write);
  const action = (await store.actions.list())[0]!;
  await store.actions.save({ ...draftOf(action), ownerUserId: ADMIN, dueOn: '2026-11-01' }, write);
  await store.actions.save({ ...draftOf(action), id: 'second', ownerUserId: ADMIN, dueOn: '2026-11-30', title: { fr: 'Préparer, relire et envoyer', en: 'Prepare, read and send' } }, write);
  await store.partners.save({ ...draftOf((await store.partners.get('venture-lab'))!), followUpUserId: 'U0FOLLOW' }, { actor: 'U0FOLLOW' });
  // French command words, as a coordinator types them: the replies are French whatever the locale.
  await ask('suivi venture lab : Appel avec leur conseiller juridique relance 2026-11-20');
  await ask('étape cmc examen juridique');
});

afterAll(async () => {
  await store.close();
});

/** Commands typed in French: every kind of reply the console or Slack shows. */
const FRENCH_COMMANDS = [
  'aide', 'partenaires', 'partenaires qc', 'partenaire c2mi', 'partenaire udes', 'historique udes', 'partenaire distriq', 'partenaire venture lab', 'partenaire cmc', 'partenaire technum', 'partenaire inconnu',
  'personnes', 'personne welch', 'personne latour', 'attente', 'attente nh', 'attente n’importe', 'événements', 'événement 2025-04-16', 'événement atelier',
  'événement boston', 'pistes', 'pistes 2', 'pistes miennes', 'pistes en retard', 'action annoncer', 'à-propos', 'résumé', 'historique c2mi',
  'historique venture lab', 'historique welch', 'historique 2025-04-16', 'historique annoncer', 'suivi venture lab', 'étape', 'rappels-perso',
];

/** The lines of a rendered text that break the rules. */
function faults(text: string): string[] {
  // The French help's one English line, pointing to the English commands, is English.
  const english = fr.help.otherLanguage.split(':')[0]!;
  return text.split('\n').filter((line) => !line.includes(english) && (lacksSpaceBefore(line) || ZERO_MINUTES.test(line)));
}

/** What people type (code spans: `suivi venture lab : …`, `: motif`) is theirs to write: left out of the check. */
function withoutCode<T>(blocks: T): T {
  return JSON.parse(JSON.stringify(blocks).replace(/`[^`"]*`/g, '')) as T;
}

describe('French as rendered', () => {
  it('puts a non-breaking space before every colon and semicolon of every reply, console rendering included', async () => {
    const found: string[] = [];
    for (const command of FRENCH_COMMANDS) {
      const reply = await ask(command);
      expect(reply, command).toBeDefined();
      const rendered = renderBlocksAsText(withoutCode(reply!.blocks), fr.common.labelled);
      found.push(...[...faults(rendered), ...faults(withoutCode(reply!.text))].map((line) => `${command}: ${line}`));
    }
    expect(found).toEqual([]);
  });

  it('renders the console in French for a French command word, fields included', async () => {
    const card = await ask('partenaire c2mi');
    const text = renderBlocksAsText(card!.blocks, fr.common.labelled);
    expect(text).toContain('Statut\u00a0: Signataire');
    expect(text).not.toMatch(/Statut:|Territoire:/);
  });

  it('writes the history’s sources from the catalogue: « Sources : Territoire : … »', async () => {
    const history = renderBlocksAsText((await ask('historique c2mi'))!.blocks, fr.common.labelled);
    expect(history).toContain('Sources\u00a0: Territoire\u00a0: connaissance publique');
  });

  it('writes whole hours as « 11 h »', async () => {
    const card = renderBlocksAsText((await ask('événement atelier'))!.blocks, fr.common.labelled);
    expect(card).toMatch(/\b11 h\b(?! 00)/);
  });

  it('keeps the nudges and the event reminder to the same rules', async () => {
    const nudges = await composeNudges(store, NOW, 'America/Toronto');
    expect(nudges.map((nudge) => nudge.userId).sort()).toEqual([ADMIN, 'U0FOLLOW']);
    const events = (await store.events.list()).filter((event) => event.id === 'atelier');
    const partners = new Map((await store.partners.list()).map((partner) => [partner.id, partner]));
    const replies = [...nudges.map((nudge) => nudgeView(nudge, 'fr', true)), eventReminderView({ events, partners, langs: ['fr'] })];
    // A nudge after clicks: one item shown done, one postponed, and the answer to a stale click.
    const [first, second] = [...nudges[0]!.overdue, ...nudges[0]!.dueSoon];
    const doneThenPostponed = nudgeWithItemHandled(
      nudgeWithItemHandled(replies[0]!.blocks, first!.id, fr.nudges.doneLine(first!.title.fr))!,
      second!.id,
      fr.nudges.postponedLine(second!.title.fr, 'lundi 14 décembre 2026'),
    )!;
    replies.push({ text: fr.nudges.alreadyPostponed(second!.title.fr, 'lundi 14 décembre 2026'), blocks: doneThenPostponed });
    const texts = replies.flatMap((reply) => [renderBlocksAsText(withoutCode(reply.blocks), fr.common.labelled), withoutCode(reply.text)]);
    expect(texts.at(-2)).toContain('— terminée');
    // Two action items of the admin's, joined in one sentence: « … ; … ».
    expect(texts.join('\n')).toContain('\u00a0; ');
    expect(texts.flatMap(faults)).toEqual([]);
  });

  it('keeps the reminder, channel summary and thread, to the same rules', async () => {
    const partners = (await store.partners.list()).filter((partner) => partner.status === 'pending');
    const post = reminderView({ partners, today: '2026-11-26', notionUrls: new Map(), langs: ['fr'], audience: 'internal', mentioned: new Set(['venture-lab']), contacts: await store.contacts.list() })!;
    const texts = [post.summary, post.details].flatMap((reply) => [renderBlocksAsText(withoutCode(reply.blocks), fr.common.labelled), withoutCode(reply.text)]);
    expect(texts.flatMap(faults)).toEqual([]);
  });
});

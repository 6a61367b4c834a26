import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/domain/command-text.js';
import { partnerFilterArgument } from '../../src/domain/partner-filter.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { pluralFor } from '../../src/i18n/plural.js';
import { findCommand } from '../../src/slack/commands/dispatch.js';
import { seedPeople, seedProfile, seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import { corridorCommands } from '../../src/slack/commands/registry.js';
import { helpView } from '../../src/slack/views/help-view.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';

describe('plurals', () => {
  it('follow each language’s rule: English singular for 1 only, French for 0 and 1', () => {
    expect([0, 1, 2].map((n) => pluralFor('en')(n, 'item', 'items'))).toEqual(['items', 'item', 'items']);
    expect([0, 1, 2].map((n) => pluralFor('fr')(n, 'action', 'actions'))).toEqual(['action', 'action', 'actions']);
  });

  it('agree the action items summary with its counts', () => {
    expect(en.actions.summary(1, 1)).toBe('1 open of 1 action item');
    expect(en.actions.summary(2, 3)).toBe('2 open of 3 action items');
    expect(fr.actions.summary(1, 1)).toBe('1 ouverte sur 1 action');
    expect(fr.actions.summary(2, 3)).toBe('2 ouvertes sur 3 actions');
  });

  it('agree the members line of the about view', () => {
    expect(en.about.members(1, 1)).toBe('*1* MOU signatory and *1* adhesion pending.');
    expect(fr.about.members(9, 1)).toBe('*9* signataires du protocole d’entente (MOU) et *1* adhésion en attente.');
  });
});

describe('the help', () => {
  const commands = corridorCommands();
  const examples = (t: typeof en) =>
    commands.flatMap((command) => {
      const { examples = [], manage } = command.help(t);
      return [...examples, ...(manage?.examples ?? [])].map((example) => ({ command, example }));
    });

  it('gives French examples in French, and each runs the command it illustrates', () => {
    const french = examples(fr);
    expect(french.map(({ example }) => example)).toContain('partenaire udes');
    for (const { command, example } of french) {
      const parsed = parseCommandText(example);
      expect(findCommand(parsed.name, commands), example).toBe(command);
    }
    const text = renderBlocksAsText(helpView(commands, fr, true).blocks);
    expect(text).toContain('/corridor partenaire udes');
    expect(text).not.toMatch(/\/corridor (partner|partners|events?|history) /);
  });

  it('gives English examples in English, as many as in French', () => {
    expect(examples(en).map(({ example }) => example)).toContain('partner uvm');
    expect(examples(en)).toHaveLength(examples(fr).length);
  });
});

describe('partner filters', () => {
  it('are suggested in the reader’s language, and each is one the command takes', () => {
    expect(fr.partners.filterExamples).toContain('attente');
    expect(en.partners.filterExamples).toContain('pending');
    for (const example of [...fr.partners.filterExamples, ...en.partners.filterExamples]) {
      expect(partnerFilterArgument.safeParse(example).success, example).toBe(true);
    }
  });
});

describe('seeded words', () => {
  it('name the exporters’ figure as firms, and write French titles in lower case after a name', () => {
    expect(seedProfile.figures.find((figure) => figure.id === 'exporters')?.label.en).toBe('Firms that export');
    expect(seedPeople.map((person) => person.title?.fr)).toContain('délégué du Québec à Boston');
    for (const person of seedPeople) expect(person.title?.fr ?? '', person.id).toMatch(/^\p{Ll}/u);
  });
});

describe('history lines', () => {
  it('read as sentences', () => {
    expect(en.history.entry('April 17, 2025', en.history.seedActor, en.history.change.created)).toBe('*April 17, 2025* — The founding press release created the record.');
    expect(fr.history.entry('17 avr. 2025, 9 h', '<@U1>', fr.history.change.updated)).toBe('*17 avr. 2025, 9 h* — <@U1> a modifié la fiche.');
  });
});

/** Every text of a catalogue with its path, its functions called with sample words (or a list, for those that join one). */
function catalogueTexts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    const say = node as (...args: unknown[]) => unknown;
    for (const args of [Array.from({ length: say.length }, () => 'X'), [['X', 'Y']]]) {
      try {
        return [[path, String(say(...args))]];
      } catch {
        // Not the arguments this function takes: the next sample is.
      }
    }
    return [];
  }
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => catalogueTexts(value, `${path}.${key}`));
  return [];
}

describe('French words a Québec reader expects', () => {
  const french = catalogueTexts(fr).map(([, text]) => text).join('\n');

  it('says « Utilisation », never « Usage »', () => {
    expect(french).not.toMatch(/\busage\b/i);
    expect(fr.notion.errors.usageSetup).toMatch(/^Utilisation\u00a0: npm run notion:setup/);
  });

  it('names the coordinators one way: « coordonnateurs »', () => {
    expect(french).not.toMatch(/coordinat(eur|rice)|coordination/i);
    expect(fr.help.coordinatorsTitle).toBe('Pour les coordonnateurs');
  });

  it('confirms a change without agreeing with the name’s gender', () => {
    expect(fr.modals.saved.personAdded('Jean Tremblay')).toBe('La fiche de *Jean Tremblay* a été ajoutée aux personnes inscrites.');
    expect(fr.modals.saved.partnerUpdated('Université de Sherbrooke')).toBe('La fiche de *Université de Sherbrooke* a été mise à jour.');
    const confirmations = [
      ...Object.entries(fr.modals.saved).filter(([key]) => key !== 'title' && key !== 'unchanged').map(([, say]) => (say as (name: string, when: string) => string)('X', '1er mai')),
      fr.changes.partnerRemoved('X'), fr.changes.eventCancelled('X'), fr.changes.actionDone('X'), fr.changes.alreadyDone('X'), fr.buttons.confirmRemove.text('X'),
    ];
    // A name never opens the sentence, where the participle would have to agree with it.
    for (const text of confirmations) expect(text).not.toMatch(/^\*X\*/);
  });
});

describe('English as a US Northeast reader expects', () => {
  const BRITISH = /organis|cancelled|\bcentre|labour|colour|licence|catalogue/i;
  const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
  // One date style: "April 17, 2025"; never "17 April 2025" nor "Apr 17, 2025".
  const OTHER_DATE_STYLE = new RegExp(`\\b\\d{1,2} (${MONTHS})\\b|\\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.? \\d{1,2}, \\d{4}`);

  it('spells the catalogue the US way and writes its dates one way', () => {
    // A Notion property name is how the sync finds the column in databases already made: it stays.
    const texts = catalogueTexts(en).filter(([path]) => path !== '.notionPeople.properties.organisation');
    expect(texts.filter(([, text]) => BRITISH.test(text) || OTHER_DATE_STYLE.test(text))).toEqual([]);
    expect(en.pending.overdueUndated(8)).toBe(':warning: Next step overdue: still no due date after 8 weeks');
    expect(en.commands.sync.description).toBe('sync the Notion pages now');
  });

  it('replies the same way, and names the tracks as actions', async () => {
    const store = await openSqliteStore('sqlite::memory:');
    try {
      const texts: string[] = [];
      for (const text of ['help', 'partners', 'partner c2mi', 'partner udes', 'person welch', 'event 2025-04-16', 'events', 'actions', 'about', 'history c2mi', 'history welch', 'pending', 'digest']) {
        const reply = await runCorridorCommand({ text, userId: 'U0ADMIN', lang: 'en', audience: 'internal', store, timeZone: 'America/Toronto', admins: ['U0ADMIN'], now: new Date('2026-11-26T15:00:00Z') });
        texts.push(`${text}: ${renderBlocksAsText(reply!.blocks)}`);
      }
      expect(texts.filter((text) => BRITISH.test(text) || OTHER_DATE_STYLE.test(text))).toEqual([]);
      const actions = texts.find((text) => text.startsWith('actions:'))!;
      expect(actions).toContain('2. Accelerating joint research and innovation projects');
      expect(actions).toContain('3. Building local, resilient value chains');
      // The release's French titles stay as it wrote them.
      expect(seedTracks.map((track) => track.title.fr)).toContain('Accélération de projets conjoints en recherche et innovation');
    } finally {
      await store.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/index.js';
import { personModal } from '../../src/slack/views/modals/person-modal.js';
import { peopleListView, personCardView } from '../../src/slack/views/person-views.js';
import { blockKitViolations, viewViolations } from '../support/block-kit-limits.js';
import { seedRecords } from '../support/records.js';

const { people, partners, events } = seedRecords();
const t = catalogue('en');
const welch = people.find((person) => person.id === 'peter-welch')!;
const latour = people.find((person) => person.id === 'stephanie-latour')!;

describe('people views', () => {
  it('keeps a list of thousands of people within a message’s limits, saying how many more', () => {
    const many = Array.from({ length: 3000 }, (_, index) => ({ ...welch, id: `p-${index}`, name: `Person ${index} with a long enough name` }));
    const reply = peopleListView({ people: many, organisationOf: () => 'Technum Québec', lang: 'en', t });
    expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(reply.blocks)).toMatch(/… and \d+ more/);
  });

  it('escapes what people typed, and shows an e-mail only when told to', () => {
    const sneaky = { ...latour, name: 'Eve <!channel>', email: 'eve@example.org' };
    const card = (showEmail: boolean) =>
      JSON.stringify(
        personCardView({ person: sneaky, organisation: 'Technum <@U0BOSS>', spokeAt: [], attended: [], showEmail, fromRelease: false, isPressContact: false, lang: 'en', t }).blocks,
      );
    expect(card(false)).not.toContain('eve@example.org');
    expect(card(true)).toContain('eve@example.org');
    expect(card(true)).toContain('Technum &lt;@U0BOSS&gt;');
    expect(card(true)).not.toContain('<@U0BOSS>');
    expect(card(true)).not.toContain('Source: press release');
  });

  it('lists the events a person spoke at with the role, in the reader’s language', () => {
    const meeting = events[0]!;
    const reply = personCardView({
      person: welch,
      organisation: null,
      spokeAt: [{ event: meeting, role: meeting.speakers[0]!.role }],
      attended: [],
      showEmail: true,
      fromRelease: true,
      isPressContact: false,
      lang: 'fr',
      t: catalogue('fr'),
    });
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('A pris la parole à');
    expect(text).toContain('Première rencontre officielle des signataires du MOU — 16 avril 2025 (Allocution en matinée)');
    expect(text).toContain('Source : communiqué du 17 avril 2025.');
  });

  it('builds a person form within Slack’s limits, the partner picker included', () => {
    for (const lang of ['en', 'fr'] as const) {
      expect(viewViolations(personModal({ person: latour, partners, lang, t: catalogue(lang) }))).toEqual([]);
      expect(viewViolations(personModal({ partners, lang, t: catalogue(lang), name: 'New person' }))).toEqual([]);
    }
  });
});

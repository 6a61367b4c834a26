import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/index.js';
import { LIMITS } from '../../src/slack/blocks.js';
import { jsonChars, PAGE_BUDGET, pagedListView, paginate, type ListEntry } from '../../src/slack/views/paged-list.js';
import { ACTION_IDS } from '../../src/slack/interaction-ids.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { buttonClick } from '../support/slack-interactions.js';

const t = catalogue('en');

/** Entries as long as a section takes, full of what JSON escapes, in groups of every size. */
function hardEntries(): ListEntry[] {
  return Array.from({ length: 300 }, (_, i) => ({
    group: `*Group ${Math.floor(i / 37)}* "quoted" \\ back`,
    text: `#E${String(i).padStart(4, '0')} ${(i % 3 === 0 ? '"\\\n' : 'é').repeat(i % 5 === 0 ? 1200 : 40)}`,
  }));
}

describe('a list in pages', () => {
  it('keeps every page within Slack’s limits, each entry on exactly one page, whatever the entries', () => {
    for (const layout of ['lines', 'sections'] as const) {
      const entries = hardEntries();
      const pages = paginate(entries, layout);
      expect(pages.flat()).toEqual(entries);
      expect(pages.length).toBeGreaterThan(5);
      for (let page = 1; page <= pages.length; page++) {
        const reply = pagedListView({ title: 'Title', summary: 'Counts', entries, layout, page, paging: { command: 'partners nh', lang: 'en' }, hint: 'Hint', t });
        expect(blockKitViolations(reply.blocks, 'message'), `${layout} page ${page}`).toEqual([]);
        expect(JSON.stringify(reply.blocks).length).toBeLessThan(LIMITS.messageChars);
        expect(reply.blocks.length).toBeLessThanOrEqual(PAGE_BUDGET.blocks + 5);
        const shown = JSON.stringify(reply.blocks).match(/#E\d{4}/g)!;
        expect(shown).toEqual(pages[page - 1]!.map((entry) => entry.text.slice(0, 6)));
      }
    }
  });

  it('repeats a group’s heading atop a page it continues', () => {
    const entries = hardEntries();
    const pages = paginate(entries);
    const second = pagedListView({ title: 'Title', entries, page: 2, t });
    expect(JSON.stringify(second.blocks)).toContain(JSON.stringify(pages[1]![0]!.group).slice(1, -1));
  });

  it('offers *More* and the typed form, says the last page is the last, and answers a page beyond', () => {
    const entries = hardEntries();
    const pages = paginate(entries).length;
    const first = pagedListView({ title: 'Title', entries, page: 1, paging: { command: 'partners nh', lang: 'fr' }, t });
    const text = JSON.stringify(first.blocks);
    expect(text).toContain('"action_id":"list_more","value":"partners nh page 2 --fr"');
    expect(text).toContain('or type `/corridor partners nh page 2`');
    expect(JSON.stringify(pagedListView({ title: 'Title', entries, page: pages, t }).blocks)).toContain(`Last page (${pages} of ${pages}).`);
    const beyond = pagedListView({ title: 'Title', entries, page: pages + 1, paging: { command: 'partners nh', lang: 'en' }, t });
    expect(beyond.text).toBe(`There is no page ${pages + 1}: this list has ${pages} pages. The first: \`/corridor partners nh page 1\`.`);
    // Without a way to ask for more, the first page counts what it leaves out.
    expect(JSON.stringify(pagedListView({ title: 'Title', entries, page: 1, t }).blocks)).toMatch(/… and \d+ more/);
  });

  it('shows a short list whole, with no page line', () => {
    const reply = pagedListView({ title: 'Title', summary: 'Counts', entries: [{ text: 'one' }, { text: 'two' }], page: 1, t });
    expect(reply.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Title', emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Counts' }] },
      { type: 'section', text: { type: 'mrkdwn', text: 'one\ntwo' } },
    ]);
  });
});

describe('the size of a line in JSON', () => {
  it('is what JSON.stringify writes, quotes aside, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(jsonChars(text)).toBe(JSON.stringify(text).length - 2);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['"\\\n\t\u0001', '😀', '\ud800', '\udc00x', 'a\ud83d', 'é & <b>']) expect(jsonChars(text)).toBe(JSON.stringify(text).length - 2);
  });
});

describe('*More* under a list, clicked in Slack', () => {
  let running: RunningCorridorApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function click(app: RunningCorridorApp, value: string) {
    await app.interaction(buttonClick(ADMIN_ID, ACTION_IDS.listMore, value, { responseUrl: app.slack.responseUrl, blockId: 'list_paging' }));
    await app.corridor.idle();
    return app.slack.callsTo('response_url');
  }

  it('replaces the page read with the one its value names, in the language it says', async () => {
    running = await startCorridorApp();
    const [answer] = await click(running, 'partners page 1 --fr');
    expect(answer!.args).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(JSON.stringify(answer!.args.blocks)).toContain('Partenaires du corridor');
    expect(blockKitViolations(answer!.args.blocks, 'message')).toEqual([]);
  });

  it('runs nothing but a list: a value naming another command is ignored', async () => {
    running = await startCorridorApp();
    for (const value of ['partner add Forged', 'sync', 'stage venture lab signed', 'nudges off']) expect(await click(running, value)).toEqual([]);
    expect(running.slack.callsTo('views.open')).toEqual([]);
  });
});

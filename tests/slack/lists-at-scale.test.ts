import { afterEach, describe, expect, it } from 'vitest';
import { isOverdue } from '../../src/domain/action-items.js';
import { localIsoDate } from '../../src/domain/dates.js';
import { composeChannelDigest } from '../../src/jobs/digest.js';
import { composeReminder } from '../../src/jobs/remind.js';
import { ACTION_IDS } from '../../src/slack/interaction-ids.js';
import { blockKitViolations, viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { insertAtScale, OWNER, scaleRecords, tagsIn } from '../support/scale-records.js';
import { appHomeOpened, buttonClick, menuSearch } from '../support/slack-interactions.js';
import { tempStores, type StoreKind } from '../support/temp-stores.js';

// A corridor at its realistic future size — 2,000 partners, 5,000 action items, 1,000 events,
// 1,500 people — on both databases: every page of every list, the Home tab, the digest and the
// reminder stay within what Slack accepts, and page after page each record shows exactly once.

const TZ = 'America/Toronto';
const OUTSIDER = 'U0PARTNER';
/** What Slack accepts of a message, as the issue measured it: blocks' JSON and the fallback text. */
const MAX_BLOCKS_JSON = 12_000;
const MAX_FALLBACK = 40_000;

type Json = Record<string, unknown>;
interface Answer {
  text: string;
  blocks: Json[];
}

/** The largest answer seen, for the record: blocks, characters of blocks, characters of fallback text. */
const largest = { blocks: 0, json: 0, text: 0, pages: 0, homeBlocks: 0, homeJson: 0 };

afterEach(() => {
  // eslint-disable-next-line no-console
  console.log(
    `largest answer so far: ${largest.blocks} blocks, ${largest.json} characters of blocks, ${largest.text} of text; ${largest.pages} answers checked; ` +
      `largest Home tab: ${largest.homeBlocks} blocks, ${largest.homeJson} characters of blocks`,
  );
});

function checkMessage(answer: Answer, what: string): void {
  expect(blockKitViolations(answer.blocks, 'message'), what).toEqual([]);
  const json = JSON.stringify(answer.blocks).length;
  expect(json, what).toBeLessThan(MAX_BLOCKS_JSON);
  expect(answer.text.length, what).toBeGreaterThan(0);
  expect(answer.text.length, what).toBeLessThan(MAX_FALLBACK);
  largest.blocks = Math.max(largest.blocks, answer.blocks.length);
  largest.json = Math.max(largest.json, json);
  largest.text = Math.max(largest.text, answer.text.length);
  largest.pages += 1;
}

async function ask(app: RunningCorridorApp, text: string, userId = ADMIN_ID): Promise<Answer> {
  const response = await app.command(text, { user_id: userId });
  expect(response.status, text).toBe(200);
  const answer = response.json as Answer & { response_type: string };
  expect(answer.response_type).toBe('ephemeral');
  checkMessage(answer, text);
  return answer;
}

/** The *More* button's value on a page, if it has one. */
function moreValue(answer: Answer): string | undefined {
  for (const block of answer.blocks) {
    if (block.type !== 'actions') continue;
    const button = (block.elements as Json[]).find((element) => element.action_id === ACTION_IDS.listMore);
    if (button) return button.value as string;
  }
  return undefined;
}

/** Clicks *More*: the next page replaces the one read, through the click's response_url. */
async function clickMore(app: RunningCorridorApp, value: string, userId: string): Promise<Answer> {
  const before = app.slack.callsTo('response_url').length;
  const response = await app.interaction(buttonClick(userId, ACTION_IDS.listMore, value, { responseUrl: app.slack.responseUrl, blockId: 'list_paging' }));
  expect(response.status).toBe(200);
  await app.corridor.idle();
  const calls = app.slack.callsTo('response_url');
  expect(calls.length, value).toBe(before + 1);
  const args = calls.at(-1)!.args as unknown as Answer & { replace_original: boolean; response_type: string };
  expect(args).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
  checkMessage(args, value);
  return args;
}

/**
 * Reads a list to its end as a reader would, page after page, by *More* and by typing `… page N`
 * in turn; checks each page, then that the last says so and that the page after it is answered.
 */
async function readAllPages(app: RunningCorridorApp, command: string, userId = ADMIN_ID): Promise<Answer[]> {
  const pages = [await ask(app, command, userId)];
  for (let value = moreValue(pages[0]!); value; value = moreValue(pages.at(-1)!)) {
    expect(pages.length, command).toBeLessThan(500);
    pages.push(pages.length % 2 ? await clickMore(app, value, userId) : await ask(app, value, userId));
  }
  return pages;
}

/** Each record on exactly one page, none missing, none twice. */
function expectEachOnce(pages: Answer[], kind: Parameters<typeof tagsIn>[1], expected: string[]): void {
  const seen: string[] = pages.flatMap((page) => tagsIn(JSON.stringify(page.blocks), kind));
  expect(seen.length).toBe(new Set(seen).size);
  expect([...seen].sort()).toEqual([...expected].sort());
}

async function scaleApp(stores: ReturnType<typeof tempStores>) {
  const url = await stores.databaseUrl();
  const store = await stores.open(url);
  const records = await insertAtScale(store, url, scaleRecords(localIsoDate(new Date(), TZ)));
  const app = await startCorridorApp({ CORRIDOR_TZ: TZ }, store);
  app.slack.setUser({ id: ADMIN_ID, locale: 'en-US' });
  app.slack.setUser({ id: OUTSIDER, locale: 'en-US', team_id: 'T0VENTURELAB' });
  return { app, store, records };
}

describe.each<StoreKind>(['sqlite', 'postgres'])('a corridor at its future size, on %s', (kind) => {
  const stores = tempStores(`scale-${kind}`, kind);
  let running: RunningCorridorApp | undefined;
  afterEach(async () => {
    await running?.corridor.stop();
    await running?.slack.close();
    running = undefined;
  });

  it('shows every list page by page within Slack’s limits, each record exactly once', async () => {
    const { app, store, records } = await scaleApp(stores);
    running = app;
    const today = localIsoDate(new Date(), TZ);
    const tags = (list: ({ name: string } | { title: { en: string } })[], kind: Parameters<typeof tagsIn>[1]) =>
      list.flatMap((record) => tagsIn('name' in record ? record.name : record.title.en, kind));

    const partners = await readAllPages(app, 'partners');
    expect(partners.length).toBeGreaterThan(10);
    expectEachOnce(partners, 'P', tags(records.partners, 'P'));
    // Every page says how many there are, and which page it is.
    const all = await store.partners.list();
    const signatories = all.filter((partner) => partner.status === 'signatory').length;
    expect(JSON.stringify(partners[0]!.blocks)).toContain(`${signatories} signatories, ${all.length - signatories} pending adhesions · page 1 of ${partners.length}`);
    expect(JSON.stringify(partners.at(-1)!.blocks)).toContain(`Last page (${partners.length} of ${partners.length}).`);
    expect(JSON.stringify(partners[1]!.blocks)).toContain(`page 2 of ${partners.length}`);

    const beyond = await ask(app, `partners page ${partners.length + 1}`);
    expect(beyond.text).toBe(`There is no page ${partners.length + 1}: this list has ${partners.length} pages. The first: \`/corridor partners page 1\`.`);
    expect((await ask(app, 'partners page two')).text).toBe('Which page? Type its number, for example `partners page 2`.');

    const newHampshire = await readAllPages(app, 'partners nh');
    expectEachOnce(newHampshire, 'P', tags(records.partners.filter((partner) => partner.jurisdiction === 'NH'), 'P'));

    expectEachOnce(await readAllPages(app, 'pending'), 'P', tags(records.partners.filter((partner) => partner.status === 'pending'), 'P'));
    expectEachOnce(await readAllPages(app, 'actions'), 'A', tags(records.actions, 'A'));
    expectEachOnce(await readAllPages(app, 'actions mine'), 'A', tags(records.actions.filter((item) => item.ownerUserId === OWNER), 'A'));
    expectEachOnce(await readAllPages(app, 'actions overdue'), 'A', tags(records.actions.filter((item) => isOverdue(item, today)), 'A'));
    expectEachOnce(await readAllPages(app, 'events'), 'E', tags(records.events, 'E'));
    expectEachOnce(await readAllPages(app, 'people'), 'H', tags(records.people, 'H'));

    // In French, typed as a French speaker does: the pages and their words are French.
    const french = await readAllPages(app, 'partenaires nh');
    expect(french.length).toBeGreaterThan(1);
    expectEachOnce(french, 'P', tags(records.partners.filter((partner) => partner.jurisdiction === 'NH'), 'P'));
    expect(JSON.stringify(french.at(-1)!.blocks)).toContain(`Dernière page (${french.length} sur ${french.length}).`);
    expect(JSON.stringify(french[0]!.blocks)).toContain('Voir la suite');
    expect((await ask(app, `partenaires nh page ${french.length + 1}`)).text).toContain(`Il n’y a pas de page ${french.length + 1}\u00a0:`);

    // Another organisation reads the public view, page by page too, and never a follow-up owner.
    const outside = await readAllPages(app, 'pending', OUTSIDER);
    expectEachOnce(outside, 'P', tags(records.partners.filter((partner) => partner.status === 'pending'), 'P'));
    expect(JSON.stringify(outside)).not.toContain('U0ALICE');
  }, 120_000);

  it('keeps the Home tab, the digest and the reminder within Slack’s limits', async () => {
    const { app, store } = await scaleApp(stores);
    running = app;
    for (const userId of [ADMIN_ID, OUTSIDER]) {
      await app.event(appHomeOpened(userId));
      await app.corridor.idle();
      const view = app.slack.callsTo('views.publish').filter((call) => call.args.user_id === userId).at(-1)!.args.view as Json;
      expect(viewViolations(view)).toEqual([]);
      expect((view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
      largest.homeBlocks = Math.max(largest.homeBlocks, (view.blocks as unknown[]).length);
      largest.homeJson = Math.max(largest.homeJson, JSON.stringify(view.blocks).length);
    }

    // The answers that are no list but name many records: each within limits too.
    for (const text of ['digest', 'event 2026', 'partner atelier', 'person personne', 'history atelier', 'action préparer', 'about', 'help', 'nudges']) {
      await ask(app, text);
      await ask(app, text, OUTSIDER);
    }

    // The partner picker of a form searches, and offers at most Slack's 100 options.
    await app.command('event add', { user_id: ADMIN_ID });
    await app.corridor.idle();
    const form = app.slack.callsTo('views.open').at(-1)!.args.view as Json;
    expect(viewViolations(form)).toEqual([]);
    const picker = (form.blocks as Json[]).find((block) => block.block_id === 'organisers')!.element as Json;
    expect(picker.type).toBe('multi_external_select');
    const found = (await app.interaction(menuSearch(ADMIN_ID, picker.action_id as string, 'organisers', 'atelier'))).json as { options: Json[] };
    expect(found.options).toHaveLength(100);
    const one = (await app.interaction(menuSearch(ADMIN_ID, picker.action_id as string, 'organisers', '#P1999'))).json as { options: Json[] };
    expect(one.options).toHaveLength(1);
    const config = { CORRIDOR_CHANNEL: 'C0CORRIDOR', CORRIDOR_CHANNEL_LANG: 'both' as const, CORRIDOR_TZ: TZ };
    for (const audience of ['internal', 'public'] as const) {
      checkMessage((await composeChannelDigest({ store, ledger: store.runs, config }, new Date(), audience)) as unknown as Answer, `digest ${audience}`);
      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
      const reminder = (await composeReminder({ store, config, logger: quiet }, new Date(), audience))!;
      checkMessage(reminder as unknown as Answer, `reminder ${audience}`);
      const replies = (reminder.thread ?? []).flatMap((item) => ('reply' in item ? [item.reply] : []));
      expect(replies).toHaveLength(1);
      for (const reply of replies) checkMessage(reply as unknown as Answer, `reminder details ${audience}`);
    }
  }, 120_000);
});

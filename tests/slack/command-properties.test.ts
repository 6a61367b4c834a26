import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';
import { blockKitViolations } from '../support/block-kit-limits.js';

let small: SqliteCorridorStore;
let large: SqliteCorridorStore;

/** A store grown far beyond the corridor's size: 600 partners with long names, 300 events, 300 actions. */
async function largeStore(): Promise<SqliteCorridorStore> {
  const store = await openSqliteStore('sqlite::memory:');
  const template = (await store.partners.get('c2mi'))!;
  const write = { actor: 'U0ADMIN' };
  for (let i = 0; i < 600; i++) {
    await store.partners.save(
      { ...draftOf(template), id: `partner-${i}`, name: `Partner ${i} ${'Microélectronique & <systèmes> '.repeat(6)}`, acronym: null, status: i % 3 ? 'signatory' : 'pending', pendingSince: '2025-01-01' },
      write,
    );
  }
  const meeting = (await store.events.list())[0]!;
  const eventDraft = draftOf(meeting);
  for (let i = 0; i < 300; i++) {
    await store.events.save({ ...eventDraft, id: `event-${i}`, date: `2027-0${(i % 9) + 1}-1${i % 10}`, attendingPartnerIds: Array.from({ length: 600 }, (_, n) => `partner-${n}`) }, write);
  }
  const action = (await store.actions.list())[0]!;
  const actionDraft = draftOf(action);
  for (let i = 0; i < 300; i++) {
    await store.actions.save({ ...actionDraft, id: `action-${i}`, trackId: ['mutual-knowledge', 'value-chains', null][i % 3] ?? null, title: { fr: `Action ${i} ${'x'.repeat(200)}`, en: `Action ${i} ${'y'.repeat(200)}` } }, write);
  }
  return store;
}

beforeAll(async () => {
  small = await openSqliteStore('sqlite::memory:');
  large = await largeStore();
}, 60_000);

afterAll(async () => {
  await small.close();
  await large.close();
});

const words = ['partners', 'partner', 'pending', 'events', 'event', 'actions', 'about', 'help', 'aide', 'partenaires', 'événements', '--fr', '--en', 'qc', 'vt', 'nh', 'past', 'upcoming', 'udes', 'c2mi', '2025-04-16', '<!channel>', '<@U0BOSS>', '&', '*', '_', '~', '`', '>', '<', '|'];
const commandText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((parts) => parts.join(' ')),
  fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 20 })), { maxLength: 6 }).map((parts) => parts.join(' ')),
);

async function reply(store: SqliteCorridorStore, text: string, lang: 'fr' | 'en') {
  return runCorridorCommand({ text, userId: 'U0ALICE', lang, audience: 'internal', store, timeZone: 'America/Toronto', admins: [], now: new Date('2026-11-26T15:00:00Z') });
}

function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'mrkdwn' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(mrkdwnTexts)];
}

describe('stored text is escaped like typed text', () => {
  it('never lets a record’s name, title or place ping anyone', async () => {
    const store = await openSqliteStore('sqlite::memory:');
    const write = { actor: 'U0ADMIN' };
    const hostile = '<!channel> Chips & <@U0BOSS>';
    const venture = (await store.partners.get('venture-lab'))!;
    await store.partners.save({ ...draftOf(venture), name: hostile }, write);
    const meeting = (await store.events.list())[0]!;
    await store.events.save({ ...draftOf(meeting), title: { fr: hostile, en: hostile }, place: hostile }, write);
    for (const text of ['partners', 'partner chips', 'partner <!channel>', 'pending', 'events', 'event 2025-04-16', 'actions', 'about', 'history chips']) {
      const answer = (await reply(store, text, 'en'))!;
      // plain_text is never parsed for mentions; mrkdwn and the fallback text are.
      expect([answer.text, ...mrkdwnTexts(answer.blocks)].join('\n'), text).not.toMatch(/<!channel>|<@U0BOSS>/);
    }
    await store.close();
  });
});

describe('any command text gets a valid reply', () => {
  it('within Slack’s limits, with a fallback text, never echoing a live mention', async () => {
    await fc.assert(
      fc.asyncProperty(commandText, fc.constantFrom('fr' as const, 'en' as const), async (text, lang) => {
        const answer = (await reply(small, text, lang))!;
        expect(answer.text.trim()).not.toBe('');
        expect(blockKitViolations(answer.blocks, 'message')).toEqual([]);
        expect(JSON.stringify(answer)).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
      }),
      { numRuns: 300 },
    );
  });

  it('stays within limits however large the store grows', async () => {
    for (const text of ['partners', 'partners pending', 'pending', 'events', 'events upcoming', 'event 2027', 'actions', 'actions 1', 'partner partner', 'about', 'help']) {
      const answer = (await reply(large, text, 'fr'))!;
      expect(blockKitViolations(answer.blocks, 'message'), text).toEqual([]);
      expect(answer.blocks.length, text).toBeLessThanOrEqual(50);
    }
    const list = (await reply(large, 'partners', 'en'))!;
    // The first page says how many follow, and how to see them.
    expect(JSON.stringify(list.blocks)).toMatch(/\d+ more: \*More\* below, or type `\/corridor partners page 2`/);
  });
});

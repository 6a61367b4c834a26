import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { parseConfig } from '../../src/config/env.js';
import { draftOf } from '../../src/domain/draft.js';
import { commandTextInput } from '../../src/domain/command-text.js';
import { AnswerCache, answerCacheOf, answerKey, DEFAULT_MAX_BYTES, KeptRoutes } from '../../src/slack/commands/answer-cache.js';
import type { CommandContext } from '../../src/slack/commands/command.js';
import { runCorridorCommand, type CommandRequest } from '../../src/slack/commands/dispatch.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { tempStores, type StoreKind } from '../support/temp-stores.js';

const NOW = new Date('2026-11-26T15:00:00Z');

function ask(store: CorridorStore, text: string, fields: Partial<CommandRequest> = {}) {
  return runCorridorCommand({ text, userId: 'U0ALICE', lang: 'en', audience: 'internal', store, timeZone: 'America/Toronto', admins: ['U0ADMIN'], now: NOW, ...fields });
}

async function askText(store: CorridorStore, text: string, fields: Partial<CommandRequest> = {}): Promise<string> {
  const reply = await ask(store, text, fields);
  return reply ? renderBlocksAsText(reply.blocks) : '(no reply)';
}

describe('answers of read-only subcommands', () => {
  const { open } = tempStores('answers');

  it('renders the same command once until a record changes', async () => {
    const store = await open();
    const reads = vi.spyOn(store.partners, 'list');
    const first = await ask(store, 'partners');
    expect(await ask(store, 'partners')).toBe(first);
    expect(await ask(store, 'list')).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);
    const c2mi = (await store.partners.get('c2mi'))!;
    await store.partners.save({ ...draftOf(c2mi), name: 'C2MI Renamed' }, { actor: 'U0ADMIN' });
    expect(renderBlocksAsText((await ask(store, 'partners'))!.blocks)).toContain('C2MI Renamed');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('keeps one entry per language, viewer rights and local date', async () => {
    const store = await open();
    expect(await askText(store, 'partner edit c2mi')).toContain('only the corridor’s coordinators');
    expect(await askText(store, 'partner edit c2mi', { userId: 'U0ADMIN' })).toContain('opens a form in Slack');
    expect(await askText(store, 'partners --fr')).toContain('signataires');
    expect(await askText(store, 'partners')).toContain('signatories');
    await ask(store, 'about', { now: new Date('2026-11-27T15:00:00Z') });
    await ask(store, 'about');
    expect(answerCacheOf(store).size).toBe(6);
  });

  it('keeps an action item’s answer per viewer, its owner seeing more', () => {
    const context = (userId: string) => ({ lang: 'en', timeZone: 'UTC', today: '2026-11-26', userId, isAdmin: false, admins: [] }) as unknown as CommandContext;
    expect(answerKey('action', 'announce', context('U0ALICE'))).not.toBe(answerKey('action', 'announce', context('U0BOB')));
    expect(answerKey('partners', '', context('U0ALICE'))).toBe(answerKey('partners', '', context('U0BOB')));
  });

  it('never keeps subcommands with effects, or those reading more than the records', () => {
    const context = { lang: 'en', timeZone: 'UTC', today: '2026-11-26', userId: 'U0ADMIN', isAdmin: true, admins: [] } as unknown as CommandContext;
    expect(answerKey('sync', '', context)).toBeUndefined();
    expect(answerKey('digest', '', context)).toBeUndefined();
    // `pending` shows snoozes, which move without any record changing.
    expect(answerKey('pending', '', context)).toBeUndefined();
  });

  it('opens a modal each time it is asked for', async () => {
    const store = await open();
    const openModal = vi.fn(async () => undefined);
    const slack = { client: {} as never, triggerId: 'T1', channelId: 'C1', openModal, respondLater: async () => undefined, logger: { warn: () => {} }, reportedError: () => ({ text: '', blocks: [] }) };
    expect(await ask(store, 'partner add', { userId: 'U0ADMIN', slack })).toBeUndefined();
    expect(await ask(store, 'partner add', { userId: 'U0ADMIN', slack })).toBeUndefined();
    expect(openModal).toHaveBeenCalledTimes(2);
  });

  it('serves the console from the same answers', async () => {
    const store = await open();
    const reads = vi.spyOn(store.partners, 'list');
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += chunk));
    const input = Readable.from(['/corridor partners\n', '/corridor partners\n']);
    await runConsole({ store, config: parseConfig({}), input, output, lang: 'en' });
    expect(printed.match(/9 signatories, 3 pending adhesions/g)).toHaveLength(2);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('finds a repeated request’s answer by the request as typed, fresh after a write, per user and per day', async () => {
    const store = await open();
    const keptRoutes = new KeptRoutes();
    const parses = vi.spyOn(commandTextInput, 'safeParse');
    const first = await ask(store, 'partners', { keptRoutes });
    expect(await ask(store, 'partners', { keptRoutes })).toBe(first);
    expect(parses).toHaveBeenCalledTimes(1);
    expect(await askText(store, 'partner edit c2mi', { keptRoutes, userId: 'U0ADMIN' })).toContain('opens a form in Slack');
    expect(await askText(store, 'partner edit c2mi', { keptRoutes })).toContain('only the corridor’s coordinators');
    await ask(store, 'pending', { keptRoutes });
    parses.mockClear();
    await ask(store, 'pending', { keptRoutes, now: new Date('2026-11-27T15:00:00Z') });
    expect(parses).toHaveBeenCalledTimes(1);
    const c2mi = (await store.partners.get('c2mi'))!;
    await store.partners.save({ ...draftOf(c2mi), name: 'C2MI Renamed' }, { actor: 'U0ADMIN' });
    expect(renderBlocksAsText((await ask(store, 'partners', { keptRoutes }))!.blocks)).toContain('C2MI Renamed');
    parses.mockRestore();
  });

  it('tells requests apart whatever their text holds', () => {
    expect(KeptRoutes.requestKey('en', 'internal', 'U1', ':U2:partners')).not.toBe(KeptRoutes.requestKey('en', 'internal', 'U1:', 'U2:partners'));
    expect(KeptRoutes.requestKey('en', 'internal', 'U1', 'partners')).not.toBe(KeptRoutes.requestKey('en', 'public', 'U1', 'partners'));
  });

  it('forgets the least recently used answer past its capacity', () => {
    const cache = new AnswerCache(2);
    const reply = (text: string) => ({ text, blocks: [] });
    cache.set('a', '1', reply('a'));
    cache.set('b', '1', reply('b'));
    expect(cache.get('a', '1')?.text).toBe('a');
    cache.set('c', '1', reply('c'));
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')?.text).toBe('a');
    expect(cache.get('a', '2')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('keeps answers within its bound in bytes however large they are, the most recent first', () => {
    const cache = new AnswerCache();
    // A page of a long list: 40 sections of 300 characters, about 12,000 characters of blocks.
    const big = (n: number) => ({
      text: `answer ${n}`,
      blocks: Array.from({ length: 40 }, (_, i) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: `${n}:${i} ${'é'.repeat(300)}` } })),
    });
    const answers = 2_000;
    for (let n = 0; n < answers; n++) cache.set(`key ${n}`, '1', big(n));
    expect(cache.bytes).toBeLessThanOrEqual(DEFAULT_MAX_BYTES);
    // Far fewer than the 500 entries it may keep by number: the bytes bound them.
    expect(cache.size).toBeLessThan(500);
    expect(cache.size).toBeGreaterThan(100);
    expect(cache.get(`key ${answers - 1}`, '1')?.text).toBe(`answer ${answers - 1}`);
    expect(cache.get('key 0', '1')).toBeUndefined();
    expect(cache.get(`key ${answers - cache.size - 1}`, '1')).toBeUndefined();

    // One answer heavier than the whole bound is not kept, and pushes nothing out.
    const size = cache.size;
    cache.set('huge', '1', { text: 'x'.repeat(DEFAULT_MAX_BYTES), blocks: [] });
    expect(cache.get('huge', '1')).toBeUndefined();
    expect(cache.size).toBe(size);
  });
});

describe.each<StoreKind>(['sqlite', 'postgres'])('answers on %s with two replicas', (kind) => {
  const { open, databaseUrl } = tempStores('answers-replicas', kind);

  it('answers afresh after a write through another store on the same database', async () => {
    const url = await databaseUrl();
    const [replica, other] = [await open(url), await open(url)];
    const reads = vi.spyOn(replica.partners, 'list');
    expect(await askText(replica, 'partner c2mi')).not.toContain('https://example.org/');
    expect(await askText(replica, 'partner c2mi')).not.toContain('https://example.org/');
    expect(reads).toHaveBeenCalledTimes(1);
    const c2mi = (await other.partners.get('c2mi'))!;
    await other.partners.save({ ...draftOf(c2mi), website: 'https://example.org/' }, { actor: 'U0ADMIN' });
    expect(await askText(replica, 'partner c2mi')).toContain('https://example.org/');
    await other.partners.remove('c2mi', { actor: 'U0ADMIN' });
    expect(await askText(replica, 'partner c2mi')).not.toContain('https://example.org/');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notionSyncAccess } from '../../src/jobs/notion-sync.js';
import { SYNC_LEASE } from '../../src/jobs/sync-lease.js';
import type { Reply } from '../../src/slack/blocks.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp } from '../support/corridor-app.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';
import { appHomeOpened } from '../support/slack-interactions.js';

let fixture: NotionFixture;

beforeEach(async () => {
  fixture = await notionFixture();
});

afterEach(async () => {
  await fixture.close();
});

const access = () => notionSyncAccess({ config: fixture.config, store: fixture.store, connection: fixture.connection });

async function ask(text: string, userId: string, lang: 'fr' | 'en' = 'en', notion = access()): Promise<Reply> {
  const reply = await runCorridorCommand({ text, userId, lang, audience: 'internal', store: fixture.store, timeZone: 'America/Toronto', admins: [ADMIN_ID], notion });
  expect(reply).toBeDefined();
  expect(blockKitViolations(reply!.blocks, 'message')).toEqual([]);
  return reply!;
}

describe('/corridor sync', () => {
  it('is for coordinators only', async () => {
    const reply = await ask('sync', 'U0SOMEONE');
    expect(reply.text).toContain('only the corridor’s coordinators');
    expect(fixture.emulator.requests).toHaveLength(0);
  });

  it('says what to set when Notion is not configured', async () => {
    const notion = notionSyncAccess({ config: { ...fixture.config, NOTION_TOKEN: undefined }, store: fixture.store, links: fixture.links });
    const reply = await ask('sync', ADMIN_ID, 'en', notion);
    expect(reply.text).toContain('Notion is not configured: set NOTION_TOKEN');
  });

  it('runs the sync and shows its summary where it can wait (console)', async () => {
    const reply = await ask('sync', ADMIN_ID);
    const text = renderBlocksAsText(reply.blocks);
    expect(text).toContain('12 created');
    expect(reply.text).toContain('Partners: 12 created');
    expect(fixture.emulator.pagesOf(fixture.partnersDataSourceId)).toHaveLength(12);
    const again = await ask('synchro', ADMIN_ID, 'fr');
    expect(again.text).toContain('Partenaires : 0 créée, 0 mise à jour, 12 inchangées');
  });

  it('escapes page titles in the summary’s plain text, so that a <!channel> pings no one', async () => {
    const item = (await fixture.store.actions.get('announce-new-adhesions'))!;
    await fixture.store.actions.save({ ...item, title: { fr: '<!channel> R&D', en: '<!channel> R&D' } }, { actor: ADMIN_ID });
    await fixture.sync();
    const [page] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
    fixture.emulator.editPage(page!.id, { Status: { select: { name: 'Done' } } });
    const reply = await ask('sync', ADMIN_ID);
    expect(reply.text).toContain('&lt;!channel&gt; R&amp;D: changed in Notion, status');
    expect(reply.text).not.toContain('<!channel>');
    expect(JSON.stringify(reply.blocks)).not.toContain('<!channel>');
  });

  it('acknowledges at once in Slack, then answers with the summary through the command’s response_url, even in a DM', async () => {
    const running = await startCorridorApp({}, fixture.store, { notion: access() });
    try {
      // A DM with the bot: chat.postEphemeral would be refused there, the response_url is not.
      running.slack.setMissingChannel('D0ADMIN');
      const response = await running.command('sync', { user_id: ADMIN_ID, channel_id: 'D0ADMIN' });
      expect(response.status).toBe(200);
      expect((response.json as { text: string }).text).toBe('Notion sync started; its summary will follow here.');
      await vi.waitFor(() => expect(running.slack.callsTo('response_url')).toHaveLength(1), { timeout: 5000 });
      const [answered] = running.slack.callsTo('response_url');
      expect(answered!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(answered!.args.text)).toContain('Partners: 12 created');
      expect(blockKitViolations(answered!.args.blocks, 'message')).toEqual([]);
      expect(running.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
      expect(running.slack.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      await running.corridor.stop();
      await running.slack.close();
    }
  });

  it('answers at once, ephemerally, that a sync is running on another replica instead of starting one', async () => {
    await fixture.store.coordination.acquireLease(SYNC_LEASE, 'web-2:17:a1b2c3#4@2025-04-17T12:05:09.000Z', 60_000, new Date());
    const running = await startCorridorApp({}, fixture.store, { notion: access() });
    try {
      const response = await running.command('sync', { user_id: ADMIN_ID });
      expect(response.status).toBe(200);
      const body = response.json as { text: string; response_type?: string };
      expect(body.text).toBe('A Notion sync is already running on web-2:17:a1b2c3 (since 2025-04-17 12:05 UTC); this one was not started.');
      expect(body.response_type ?? 'ephemeral').toBe('ephemeral');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(running.slack.callsTo('response_url')).toHaveLength(0);
      expect(fixture.emulator.requests).toHaveLength(0);
    } finally {
      await running.corridor.stop();
      await running.slack.close();
    }
  });

  it('republishes the Home tabs of the items’ owners and recent visitors when statuses come back from Notion', async () => {
    const item = (await fixture.store.actions.get('announce-new-adhesions'))!;
    await fixture.store.actions.save({ ...item, ownerUserId: 'U0ALICE' }, { actor: ADMIN_ID });
    await fixture.sync();
    const running = await startCorridorApp({}, fixture.store, { notion: access() });
    try {
      const homes = (userId: string) => running.slack.callsTo('views.publish').filter((call) => call.args.user_id === userId);
      await running.event(appHomeOpened('U0BOB'));
      await running.corridor.idle();
      expect(homes('U0BOB')).toHaveLength(1);

      // A sync that brings nothing back leaves the Home tabs alone.
      await running.command('sync', { user_id: ADMIN_ID });
      await vi.waitFor(() => expect(running.slack.callsTo('response_url')).toHaveLength(1), { timeout: 5000 });
      expect(running.slack.callsTo('views.publish')).toHaveLength(1);

      const [page] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
      fixture.emulator.editPage(page!.id, { Status: { select: { name: 'Done' } } });
      await running.command('sync', { user_id: ADMIN_ID });
      await vi.waitFor(() => expect(running.slack.callsTo('response_url')).toHaveLength(2), { timeout: 5000 });
      expect(String(running.slack.callsTo('response_url')[1]?.args.text)).toContain('brought back');
      expect(homes('U0BOB')).toHaveLength(2);
      expect(homes('U0ALICE')).toHaveLength(1);
      expect(JSON.stringify(homes('U0ALICE')[0]!.args.view)).toContain('No open action item is assigned to you.');
    } finally {
      await running.corridor.stop();
      await running.slack.close();
    }
  });
});

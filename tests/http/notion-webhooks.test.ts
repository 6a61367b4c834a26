import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhookPayload } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/env.js';
import { notionSyncAccess } from '../../src/jobs/notion-sync.js';
import { createSlackApp } from '../../src/slack/app.js';
import { NOTION_WEBHOOK_PATH } from '../../src/http/notion-webhook-route.js';
import { BOT_TOKEN, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { recordingLogger, type RecordingLogger } from '../support/recording-logger.js';
import { silentLogger } from '../support/silent-logger.js';
import { appHomeOpened } from '../support/slack-interactions.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

const TOKEN = 'secret_corridorWebhookVerification0001';
const ACTION = 'announce-new-adhesions';

let fixture: NotionFixture;
let running: RunningCorridorApp;
let webhookUrl: string;
let logged: RecordingLogger;

beforeEach(async () => {
  fixture = await notionFixture({ people: true, events: true });
  expect((await fixture.sync()).aborted).toBeNull();
  logged = recordingLogger();
  const config = { ...fixture.config, NOTION_WEBHOOK_VERIFICATION_TOKEN: TOKEN };
  const notion = notionSyncAccess({ config, store: fixture.store, connection: fixture.connection });
  running = await startCorridorApp({ NOTION_WEBHOOK_VERIFICATION_TOKEN: TOKEN }, fixture.store, { notion, logger: logged });
  webhookUrl = running.eventsUrl.replace('/slack/events', NOTION_WEBHOOK_PATH);
});

afterEach(async () => {
  await running.corridor.stop();
  await running.slack.close();
  await fixture.close();
});

/** An event as Notion sends it (the SDK's PagePropertiesUpdatedWebhookPayload and kin). */
function pageEvent(type: string, pageId: string, options: { timestamp?: Date; database?: 'actions' | 'partners' | 'people' | 'events' } = {}) {
  const database = options.database ?? 'actions';
  const ids = {
    actions: [fixture.config.NOTION_ACTIONS_DATABASE_ID, fixture.actionsDataSourceId],
    partners: [fixture.config.NOTION_PARTNERS_DATABASE_ID, fixture.partnersDataSourceId],
    people: [fixture.config.NOTION_PEOPLE_DATABASE_ID, fixture.peopleDataSourceId],
    events: [fixture.config.NOTION_EVENTS_DATABASE_ID, fixture.eventsDataSourceId],
  }[database];
  return {
    id: randomUUID(),
    timestamp: (options.timestamp ?? new Date()).toISOString(),
    workspace_id: randomUUID(),
    workspace_name: 'Corridor',
    subscription_id: randomUUID(),
    integration_id: randomUUID(),
    authors: [{ id: randomUUID(), type: 'person' }],
    attempt_number: 1,
    api_version: '2025-09-03',
    type,
    entity: { id: pageId, type: 'page' },
    data: {
      parent: { id: ids[0], type: 'database', data_source_id: ids[1] },
      ...(type === 'page.properties_updated' ? { updated_properties: ['%3AUPp'] } : {}),
    },
  };
}

async function post(payload: object, signature?: string | null): Promise<{ status: number; text: string }> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signed = signature === undefined ? await signWebhookPayload({ body, verificationToken: TOKEN }) : signature;
  if (signed !== null) headers['x-notion-signature'] = signed;
  const response = await fetch(webhookUrl, { method: 'POST', headers, body });
  return { status: response.status, text: (await response.text()).trim() };
}

const actionPage = () => fixture.emulator.pagesOf(fixture.actionsDataSourceId)[0]!;
const actionsReply = async () => JSON.stringify((await running.command('actions')).json);

describe('POST /notion/webhooks', () => {
  it('shows the verification token to the operator on Notion’s first request, at most once a minute, and changes nothing', async () => {
    const first = await startCorridorApp({}, fixture.store, { logger: logged });
    try {
      fixture.emulator.resetRequests();
      const url = first.eventsUrl.replace('/slack/events', NOTION_WEBHOOK_PATH);
      const handshake = (token: string) => fetch(url, { method: 'POST', body: JSON.stringify({ verification_token: token }) });
      expect((await handshake('secret_firstHandshakeToken42')).status).toBe(200);
      expect(logged.lines).toHaveLength(1);
      expect(logged.lines[0]).toContain('verification token: secret_firstHandshakeToken42 —');
      expect(logged.lines[0]).toContain(' NOTION_WEBHOOK_VERIFICATION_TOKEN=secret_firstHandshakeToken42 in .env');
      // Anyone can send a handshake: more of them within the minute print nothing.
      const again = await handshake('secret_someoneElsesToken000');
      expect(again.status).toBe(429);
      expect(again.headers.get('retry-after')).toBe('60');
      expect(logged.lines).toHaveLength(1);
      expect(fixture.emulator.requests).toHaveLength(0);
    } finally {
      await first.corridor.stop();
      await first.slack.close();
    }
  });

  it('refuses a verification request once the token is set (401), and prints nothing', async () => {
    fixture.emulator.resetRequests();
    const response = await post({ verification_token: 'secret_lateHandshakeToken0042' }, null);
    expect(response).toEqual({ status: 401, text: 'verification already done' });
    expect(logged.lines.join('\n')).not.toContain('secret_lateHandshakeToken0042');
    expect(logged.lines).toEqual([]);
    expect(fixture.emulator.requests).toHaveLength(0);
  });

  it('applies on Notion’s retry an event whose first delivery failed, then answers a repeat', async () => {
    fixture.emulator.editPage(actionPage().id, { Status: { select: { name: 'In progress' } } });
    const event = pageEvent('page.properties_updated', actionPage().id);
    // Notion answers 500 to every read of the page, retries included.
    fixture.emulator.failNext({ kind: 'server_error', match: (request) => request.method === 'GET' && request.path.includes('/pages/') }, 20);
    expect((await post(event)).status).toBe(500);
    expect((await fixture.store.actions.get(ACTION))!.status).toBe('open');
    fixture.emulator.stopFailing();
    expect(await post(event)).toEqual({ status: 200, text: 'applied' });
    expect((await fixture.store.actions.get(ACTION))!.status).toBe('in_progress');
    expect(await post(event)).toEqual({ status: 200, text: 'repeat' });
  });

  it('applies a status changed in Notion within seconds, once, and refuses a wrong signature', async () => {
    expect(await actionsReply()).toContain('Open');
    fixture.emulator.editPage(actionPage().id, { Status: { select: { name: 'In progress' } } });
    const event = pageEvent('page.properties_updated', actionPage().id);
    const started = Date.now();
    expect(await post(event)).toEqual({ status: 200, text: 'applied' });
    const reply = await actionsReply();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(reply).toContain('In progress');
    const applied = (await fixture.store.actions.get(ACTION))!;
    expect(applied.status).toBe('in_progress');

    // Delivered again: nothing happens, not even a request to Notion.
    fixture.emulator.resetRequests();
    expect(await post(event)).toEqual({ status: 200, text: 'repeat' });
    expect(fixture.emulator.requests).toHaveLength(0);
    expect((await fixture.store.actions.get(ACTION))!.version).toBe(applied.version);

    // Forged or unsigned: 401, and nothing changes.
    fixture.emulator.editPage(actionPage().id, { Status: { select: { name: 'Done' } } });
    const forged = pageEvent('page.properties_updated', actionPage().id);
    const wrong = await signWebhookPayload({ body: JSON.stringify(forged), verificationToken: 'secret_someoneElsesToken000' });
    expect((await post(forged, wrong)).status).toBe(401);
    expect((await post(forged, null)).status).toBe(401);
    expect((await post(forged, 'sha256=' + '0'.repeat(64))).status).toBe(401);
    expect(fixture.emulator.requests).toHaveLength(0);
    expect((await fixture.store.actions.get(ACTION))!.status).toBe('in_progress');
  });

  it('brings back a due date, refreshes Home tabs, and leaves an event older than the store’s state aside', async () => {
    const homes = () => running.slack.callsTo('views.publish').filter((call) => call.args.user_id === 'U0BOB');
    await running.event(appHomeOpened('U0BOB'));
    await running.corridor.idle();
    expect(homes()).toHaveLength(1);
    fixture.emulator.editPage(actionPage().id, { Due: { date: { start: '2026-04-30' } } });
    const old = pageEvent('page.properties_updated', actionPage().id, { timestamp: new Date(Date.now() - 10 * 60_000) });
    expect(await post(old)).toEqual({ status: 200, text: 'stale' });
    expect((await fixture.store.actions.get(ACTION))!.dueOn).toBeNull();
    expect(await post(pageEvent('page.properties_updated', actionPage().id))).toEqual({ status: 200, text: 'applied' });
    expect((await fixture.store.actions.get(ACTION))!.dueOn).toBe('2026-04-30');
    expect(homes()).toHaveLength(2);
  });

  it('keeps the store’s value for other fields and for people, as the sync does, and restores a page trashed by hand', async () => {
    const partnerPage = fixture.emulator
      .pagesOf(fixture.partnersDataSourceId)
      .find((page) => fixture.emulator.readPage(page.id)['Corridor ID'] === 'c2mi')!;
    const name = fixture.emulator.readPage(partnerPage.id).Name;
    fixture.emulator.editPage(partnerPage.id, { Name: { title: [{ text: { content: 'Renamed in Notion' } }] } });
    expect(await post(pageEvent('page.properties_updated', partnerPage.id, { database: 'partners' }))).toEqual({ status: 200, text: 'applied' });
    expect(fixture.emulator.readPage(partnerPage.id).Name).toBe(name);

    const welch = fixture.emulator.pagesOf(fixture.peopleDataSourceId).find((page) => fixture.emulator.readPage(page.id)['Corridor ID'] === 'peter-welch')!;
    fixture.emulator.editPage(welch.id, { 'Job title': { rich_text: [{ text: { content: 'Governor' } }] } });
    expect(await post(pageEvent('page.properties_updated', welch.id, { database: 'people' }))).toEqual({ status: 200, text: 'applied' });
    expect(fixture.emulator.readPage(welch.id)['Job title']).toBe('Senator (Vermont), architect of the CHIPS and Science Act');

    fixture.emulator.trashPage(actionPage().id);
    const trashed = fixture.emulator.pagesOf(fixture.actionsDataSourceId, { includeTrashed: true })[0]!;
    expect(await post(pageEvent('page.deleted', trashed.id))).toEqual({ status: 200, text: 'applied' });
    expect(fixture.emulator.pagesOf(fixture.actionsDataSourceId)).toHaveLength(1);
  });

  it('puts an event’s page edited in Notion back within seconds, its partners and speaker kept', async () => {
    const [meeting] = fixture.emulator.pagesOf(fixture.eventsDataSourceId);
    const before = fixture.emulator.readPage(meeting!.id);
    expect(before['Partners present']).toHaveLength(12);
    fixture.emulator.editPage(meeting!.id, { Place: { rich_text: [{ text: { content: 'Montréal' } }] }, 'Partners present': { relation: [] } });
    expect(await post(pageEvent('page.properties_updated', meeting!.id, { database: 'events' }))).toEqual({ status: 200, text: 'applied' });
    const after = fixture.emulator.readPage(meeting!.id);
    expect(after.Place).toBe('Université de Sherbrooke');
    expect(new Set(after['Partners present'] as string[])).toEqual(new Set(before['Partners present'] as string[]));
    expect(after.Speakers).toEqual(before.Speakers);
    expect((await fixture.store.events.get('first-official-meeting-2025-04-16'))?.place).toBe('Université de Sherbrooke');
  });

  it('adopts an action item created in Notion, and ignores pages elsewhere', async () => {
    const source = fixture.emulator.dataSourceOf(fixture.config.NOTION_ACTIONS_DATABASE_ID!);
    const track = source.properties.find((property) => property.name === 'Track')!.options![0]!.name;
    const created = fixture.emulator.addPage(fixture.actionsDataSourceId, {
      Title: { title: [{ text: { content: 'Plan the Burlington meeting' } }] },
      Track: { select: { name: track } },
    });
    expect(await post(pageEvent('page.created', created))).toEqual({ status: 200, text: 'applied' });
    expect((await fixture.store.actions.get('plan-the-burlington-meeting'))?.trackId).toBeTruthy();
    expect(fixture.emulator.readPage(created)['Corridor ID']).toBe('plan-the-burlington-meeting');

    const elsewhere = fixture.emulator.addWorkspacePage('Meeting notes');
    const outside = { ...pageEvent('page.properties_updated', elsewhere), data: { parent: { id: randomUUID(), type: 'page' } } };
    fixture.emulator.resetRequests();
    expect(await post(outside)).toEqual({ status: 200, text: 'ignored' });
    expect(await post({ ...pageEvent('comment.created', created), entity: { id: randomUUID(), type: 'comment' } })).toEqual({ status: 200, text: 'ignored' });
    expect(fixture.emulator.requests).toHaveLength(0);
  });
});

describe('POST /notion/webhooks in Socket Mode', () => {
  it('listens on HEALTH_PORT beside the health endpoints', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const config = parseConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: 'xapp-1-corridor-test',
      SLACK_API_URL: running.slack.url,
      HEALTH_PORT: String(port),
      NOTION_WEBHOOK_VERIFICATION_TOKEN: TOKEN,
    });
    const notion = notionSyncAccess({ config: { ...fixture.config, NOTION_WEBHOOK_VERIFICATION_TOKEN: TOKEN }, store: fixture.store, connection: fixture.connection });
    const socket = createSlackApp(config, fixture.store, { logger: silentLogger(), notion });
    try {
      // The Slack emulator has no Socket Mode: the connection is refused, and the HTTP server listens all the same.
      await socket.start().catch(() => undefined);
      webhookUrl = `http://127.0.0.1:${port}${NOTION_WEBHOOK_PATH}`;
      fixture.emulator.editPage(actionPage().id, { Status: { select: { name: 'Cancelled' } } });
      const event = pageEvent('page.properties_updated', actionPage().id);
      expect((await post(event, 'sha256=' + 'f'.repeat(64))).status).toBe(401);
      expect(await post(event)).toEqual({ status: 200, text: 'applied' });
      expect((await fixture.store.actions.get(ACTION))!.status).toBe('cancelled');
    } finally {
      await socket.stop();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signWebhookPayload } from '@notionhq/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../../src/store/open-store.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';
import { cleanEnv } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { postSigned, slashCommandBody } from '../support/slack-signing.js';
import { spawnApp, type SpawnedApp } from '../support/spawned-app.js';

const SECRET = 'webhook-process-signing-secret';
const BOT = 'xoxb-webhook-process';
const VERIFICATION = 'secret_webhookProcessVerification01';

let workdir: string;
let fixture: NotionFixture | undefined;
let slack: SlackApiEmulator | undefined;
let app: SpawnedApp | undefined;

afterEach(async () => {
  app?.child.kill('SIGKILL');
  await app?.exited;
  await slack?.close();
  await fixture?.close();
  fixture = undefined;
  rmSync(workdir, { recursive: true, force: true });
});

describe('npm start with Notion webhooks (HTTP mode)', () => {
  it('applies a signed status change within seconds, once, and refuses a wrong signature', async () => {
    workdir = mkdtempSync(join(tmpdir(), 'corridor-webhook-'));
    const databaseUrl = `sqlite:${join(workdir, 'corridor.sqlite')}`;
    fixture = await notionFixture({ store: await openSqliteStore(databaseUrl) });
    expect((await fixture.sync()).aborted).toBeNull();
    slack = await startSlackApiEmulator({ botToken: BOT });
    const { config } = fixture;
    app = await spawnApp(
      cleanEnv({
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: BOT,
        SLACK_API_URL: slack.url,
        PORT: '0',
        DATABASE_URL: databaseUrl,
        NOTION_TOKEN: config.NOTION_TOKEN!,
        NOTION_BASE_URL: config.NOTION_BASE_URL!,
        NOTION_PARTNERS_DATABASE_ID: config.NOTION_PARTNERS_DATABASE_ID!,
        NOTION_ACTIONS_DATABASE_ID: config.NOTION_ACTIONS_DATABASE_ID!,
        NOTION_MAX_RPS: '50',
        NOTION_WEBHOOK_VERIFICATION_TOKEN: VERIFICATION,
      }),
    );
    const webhook = `http://127.0.0.1:${app.port}/notion/webhooks`;
    const actions = async () => JSON.stringify((await postSigned(app!.eventsUrl, slashCommandBody({ text: 'actions' }), { signingSecret: SECRET })).json);
    expect(await actions()).toContain('Open');

    // A handshake once the token is set: refused, and its token printed nowhere.
    const handshake = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verification_token: 'secret_newSubscriptionToken9' }) });
    expect(handshake.status).toBe(401);

    const [page] = fixture.emulator.pagesOf(fixture.actionsDataSourceId);
    fixture.emulator.editPage(page!.id, { Status: { select: { name: 'In progress' } } });
    const body = JSON.stringify({
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      type: 'page.properties_updated',
      entity: { id: page!.id, type: 'page' },
      data: { parent: { id: config.NOTION_ACTIONS_DATABASE_ID, type: 'database', data_source_id: fixture.actionsDataSourceId }, updated_properties: ['%3AUPp'] },
    });
    const send = async (signature: string) =>
      fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-notion-signature': signature }, body });
    const signature = await signWebhookPayload({ body, verificationToken: VERIFICATION });

    const started = Date.now();
    const applied = await send(signature);
    expect(applied.status).toBe(200);
    expect(await actions()).toContain('In progress');
    expect(Date.now() - started).toBeLessThan(5000);

    const version = (await fixture.store.actions.get('announce-new-adhesions'))!.version;
    expect((await (await send(signature)).text()).trim()).toBe('repeat');
    expect((await send(await signWebhookPayload({ body, verificationToken: 'secret_notTheRightToken00' }))).status).toBe(401);
    expect((await fixture.store.actions.get('announce-new-adhesions'))!.version).toBe(version);
    // The line of a refused request would have come before this one, which crossed the same pipe.
    await postSigned(app.eventsUrl, slashCommandBody({ text: 'help' }), { signingSecret: SECRET });
    expect(app.output()).not.toContain('secret_newSubscriptionToken9');
  });
});

describe('npm start before NOTION_WEBHOOK_VERIFICATION_TOKEN is set, with LOG_FORMAT=json', () => {
  it('prints the token of Notion’s handshake once, as a JSON line of the log, unscrubbed', async () => {
    workdir = mkdtempSync(join(tmpdir(), 'corridor-webhook-'));
    slack = await startSlackApiEmulator({ botToken: BOT });
    app = await spawnApp(cleanEnv({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT, SLACK_API_URL: slack.url, PORT: '0', LOG_FORMAT: 'json' }));
    const webhook = `http://127.0.0.1:${app.port}/notion/webhooks`;
    const handshake = () => fetch(webhook, { method: 'POST', body: JSON.stringify({ verification_token: 'secret_newSubscriptionToken9' }) });
    expect((await handshake()).status).toBe(200);
    expect((await handshake()).status).toBe(429);
    // The line crosses a pipe from the app's process: wait for it to arrive.
    await vi.waitFor(() => expect(app!.output()).toContain('NOTION_WEBHOOK_VERIFICATION_TOKEN=secret_newSubscriptionToken9'));
    const lines = app
      .output()
      .split('\n')
      .filter((line) => line.includes('secret_newSubscriptionToken9'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: expect.stringMatching(/^Notion webhook verification token: secret_newSubscriptionToken9 — paste/) });
  });
});

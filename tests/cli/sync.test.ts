import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { SYNC_LEASE } from '../../src/jobs/sync-lease.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import { startNotionEmulator, type NotionEmulator } from '../support/notion-emulator.js';
import { spawnTs } from '../support/run-cli.js';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(script: 'sync' | 'notion-setup', env: Record<string, string>, args: string[] = [], onStart?: (child: ChildProcess) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(`src/cli/${script}.ts`, args, {
      cwd: workdir,
      // A clean environment: no Notion or Slack settings but those given.
      env: { PATH: process.env.PATH ?? '', HOME: workdir, DATABASE_URL: `sqlite:${join(workdir, 'corridor.sqlite')}`, ...env },
    });
    child.stdin.end();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onStart?.(child);
  });
}

let workdir: string;
let emulator: NotionEmulator;

beforeEach(async () => {
  workdir = mkdtempSync(join(tmpdir(), 'corridor-sync-'));
  emulator = await startNotionEmulator();
});

afterEach(async () => {
  await emulator.close();
  rmSync(workdir, { recursive: true, force: true });
});

/** Runs the set-up command and returns the settings it prints. */
async function setUp(): Promise<Record<string, string>> {
  const env = { NOTION_TOKEN: emulator.token, NOTION_BASE_URL: emulator.url, NOTION_MAX_RPS: '100' };
  const parent = emulator.addWorkspacePage('Corridor');
  const result = await run('notion-setup', env, ['--parent', `https://www.notion.so/corridor/Corridor-${parent.replace(/-/g, '')}`]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const settings = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((line) => line.startsWith('NOTION_'))
      .map((line) => line.split('=') as [string, string]),
  );
  expect(Object.keys(settings)).toEqual(['NOTION_PARTNERS_DATABASE_ID', 'NOTION_ACTIONS_DATABASE_ID', 'NOTION_PEOPLE_DATABASE_ID', 'NOTION_EVENTS_DATABASE_ID']);
  return { ...env, ...settings };
}

describe('npm run sync', () => {
  it('says in one line what to set when Notion is not configured, and exits non-zero', async () => {
    const result = await run('sync', {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('NOTION_TOKEN, NOTION_PARTNERS_DATABASE_ID, NOTION_ACTIONS_DATABASE_ID');
  });

  it('refuses a bad setting in one line, without a stack trace', async () => {
    const result = await run('sync', { NOTION_TOKEN: 'ntn_x', NOTION_PARTNERS_DATABASE_ID: 'x', NOTION_ACTIONS_DATABASE_ID: 'y', NOTION_MAX_RPS: 'fast' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: NOTION_MAX_RPS: expected requests per second (got "fast")\n');
  });

  it('refuses an unsupported database and a bad --lang in one line', async () => {
    const settings = { NOTION_TOKEN: 'ntn_x', NOTION_PARTNERS_DATABASE_ID: 'x', NOTION_ACTIONS_DATABASE_ID: 'y' };
    const mysql = await run('sync', { ...settings, DATABASE_URL: 'mysql://db/corridor' });
    expect(mysql.code).toBe(1);
    expect(mysql.stderr).toBe('corridor-bot: DATABASE_URL uses an unsupported database (mysql); expected sqlite:<path to a file> or postgres://…\n');
    const lang = await run('sync', settings, ['--lang', 'de']);
    expect(lang.code).toBe(1);
    expect(lang.stderr).toBe('corridor-bot: expected --lang fr or --lang en\n');
  });

  it('creates 12 partner pages and the action item, then nothing on a second run', async () => {
    const env = await setUp();
    const first = await run('sync', env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Partners: 12 created, 0 updated');
    expect(first.stdout).toContain('Action items: 1 created, 0 updated');
    const second = await run('sync', env, ['--lang', 'fr']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Partenaires\u00a0: 0 créée, 0 mise à jour, 12 inchangées');
    expect(second.stdout).toContain('Actions\u00a0: 0 créée, 0 mise à jour, 1 inchangée');
    const partners = emulator.dataSourceOf(env.NOTION_PARTNERS_DATABASE_ID!);
    expect(emulator.pagesOf(partners.id)).toHaveLength(12);
  });

  it('puts the 5 people of the release in the People database, with their partner and without e-mail', async () => {
    const env = await setUp();
    const result = await run('sync', env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('People: 5 created, 0 updated');
    expect(emulator.database(env.NOTION_PEOPLE_DATABASE_ID!)?.title).toBe('Corridor people');
    const people = emulator.pagesOf(emulator.dataSourceOf(env.NOTION_PEOPLE_DATABASE_ID!).id).map((page) => emulator.readPage(page.id));
    expect(people.map((person) => person.Name).sort()).toEqual(['Manon Duclos', 'Michel Belval', 'Peter Welch', 'René Sylvestre', 'Stéphanie Latour']);
    const amcham = emulator.pagesOf(emulator.dataSourceOf(env.NOTION_PARTNERS_DATABASE_ID!).id).find((page) => emulator.readPage(page.id)['Corridor ID'] === 'amcham-quebec')!;
    expect(people.find((person) => person.Name === 'Michel Belval')).toMatchObject({ Partner: [amcham.id], 'Job title': 'President of AmCham’s Québec chapter' });
    expect(JSON.stringify(people)).not.toContain('technumquebec.ca');
    const again = await run('sync', env);
    expect(again.stdout).toContain('People: 0 created, 0 updated, 5 unchanged');
  });

  it('puts the seed meeting in the Events database made by notion:setup, with its 12 partners present', async () => {
    const env = await setUp();
    const result = await run('sync', env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Events: 1 created, 0 updated');
    expect(emulator.database(env.NOTION_EVENTS_DATABASE_ID!)?.title).toBe('Corridor events');
    const [meeting, ...others] = emulator.pagesOf(emulator.dataSourceOf(env.NOTION_EVENTS_DATABASE_ID!).id).map((page) => emulator.readPage(page.id));
    expect(others).toEqual([]);
    expect(meeting).toMatchObject({ 'Corridor ID': 'first-official-meeting-2025-04-16', Place: 'Université de Sherbrooke', Date: '2025-04-16' });
    expect(meeting!['Partners present']).toHaveLength(12);
    expect((await run('sync', env)).stdout).toContain('Events: 0 created, 0 updated, 1 unchanged');
  });

  it('brings back a due date changed in Notion, and says so in its summary', async () => {
    const env = await setUp();
    expect((await run('sync', env)).code).toBe(0);
    const actions = emulator.dataSourceOf(env.NOTION_ACTIONS_DATABASE_ID!);
    const [page] = emulator.pagesOf(actions.id);
    emulator.editPage(page!.id, { Due: { date: { start: '2026-03-31' } } });
    const result = await run('sync', env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Action items: 0 created, 0 updated, 0 unchanged, 0 archived, 1 pulled, 0 failed');
    expect(result.stdout).toContain('changed in Notion, due date none → 2026-03-31');
    const store = await openSqliteStore(`sqlite:${join(workdir, 'corridor.sqlite')}`);
    try {
      expect((await store.actions.get('announce-new-adhesions'))!.dueOn).toBe('2026-03-31');
    } finally {
      await store.close();
    }
    expect(emulator.readPage(page!.id).Due).toBe('2026-03-31');
  });

  it('exits non-zero and names the property when a database lacks one', async () => {
    const env = await setUp();
    const source = emulator.dataSourceOf(env.NOTION_ACTIONS_DATABASE_ID!);
    source.properties.find((property) => property.name === 'Due')!.name = 'Deadline';
    const result = await run('sync', env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('has no property “Due” (expected type: date)');
  });

  it('leaves no duplicate after a run killed midway', async () => {
    const env = await setUp();
    let created = 0;
    const killed = await run('sync', env, [], (child) => {
      emulator.onRequest((request) => {
        if (request.method === 'POST' && request.path === '/v1/pages' && request.status === 200 && ++created === 5) {
          // Nothing more gets through until the process is gone, however slow the machine.
          emulator.failNext({ kind: 'hang' }, 1000);
          child.kill('SIGKILL');
        }
      });
    });
    emulator.onRequest(null);
    emulator.stopFailing();
    expect(killed.signal).toBe('SIGKILL');
    const partners = emulator.dataSourceOf(env.NOTION_PARTNERS_DATABASE_ID!);
    const before = emulator.pagesOf(partners.id).length;
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(12);

    const resumed = await run('sync', env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Partners: ${12 - before} created`);
    expect(emulator.pagesOf(partners.id)).toHaveLength(12);
    const ids = emulator.pagesOf(partners.id).map((page) => emulator.readPage(page.id)['Corridor ID']);
    expect(new Set(ids).size).toBe(12);
  });
});

describe('npm run sync when Notion stops answering', () => {
  it('stops within two minutes with one line saying Notion is not answering, and exits 1', async () => {
    const env = await setUp();
    emulator.failRandomly({ rate: 1, faults: [{ kind: 'hang', match: (request) => request.method === 'POST' && request.path === '/v1/pages' }] });
    const started = Date.now();
    const result = await run('sync', env);
    const elapsed = Date.now() - started;
    expect(result.code).toBe(1);
    expect(elapsed).toBeLessThan(120_000);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^corridor-bot: Sync stopped: Notion is not answering \(3 requests in a row timed out\): 0 of 19 records done, 19 left for the next sync\.\n$/,
    );
    // Three creations in flight time out, and the run stops: not four attempts for each of 19 records (partners, people, event, action item).
    expect(emulator.requests.filter((request) => request.method === 'POST' && request.path === '/v1/pages').length).toBeLessThanOrEqual(5);
  }, 130_000);

  it('does not start while another process holds the sync lease, and says where', async () => {
    const env = await setUp();
    const other = await openSqliteStore(`sqlite:${join(workdir, 'corridor.sqlite')}`);
    try {
      await other.coordination.acquireLease(SYNC_LEASE, 'other-host:4242:abcdef#1@2026-01-05T14:30:00.000Z', 60_000, new Date());
      const result = await run('sync', env);
      expect(result.stdout).toContain('A Notion sync is already running on other-host:4242:abcdef (since 2026-01-05 14:30 UTC); this one was not started.');
      expect(result.code).toBe(0);
      expect(emulator.requests.filter((request) => request.path === '/v1/pages')).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

/** A loopback address where nothing listens: connections are refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('npm run notion:setup when Notion cannot be reached', () => {
  it('says so in one line and exits 1 when the connection is refused', async () => {
    const result = await run('notion-setup', { NOTION_TOKEN: emulator.token, NOTION_BASE_URL: await closedPortUrl() }, ['--parent', emulator.addWorkspacePage('Corridor')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'corridor-bot: Notion is not answering (the connection failed); no database was created. Check NOTION_BASE_URL and the network, then try again.\n',
    );
  });

  it('says so in one line and exits 1 when Notion hangs, in French too', async () => {
    emulator.failRandomly({ rate: 1, faults: [{ kind: 'hang' }] });
    const result = await run('notion-setup', { NOTION_TOKEN: emulator.token, NOTION_BASE_URL: emulator.url }, ['--parent', emulator.addWorkspacePage('Corridor'), '--lang', 'fr']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'corridor-bot: Notion ne répond pas (pas de réponse dans le délai)\u00a0; aucune base n’a été créée. Vérifiez NOTION_BASE_URL et le réseau, puis réessayez.\n',
    );
  }, 60_000);
});

describe('npm run notion:setup', () => {
  it('asks for the parent page in one line', async () => {
    const result = await run('notion-setup', { NOTION_TOKEN: emulator.token, NOTION_BASE_URL: emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: Usage: npm run notion:setup -- --parent <page ID or URL> [--lang fr|en]\n');
  });

  it('says in one line that Notion refused the token', async () => {
    const result = await run('notion-setup', { NOTION_TOKEN: 'ntn_not_the_right_one', NOTION_BASE_URL: emulator.url }, [
      '--parent',
      emulator.addWorkspacePage('Corridor'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: Notion refused the token (NOTION_TOKEN): check it and that the integration is still installed.\n');
  });

  it('refuses a parent that is neither an ID nor a URL, and one not shared with the integration', async () => {
    const bad = await run('notion-setup', { NOTION_TOKEN: emulator.token, NOTION_BASE_URL: emulator.url }, ['--parent', 'home']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('corridor-bot: --parent: expected a Notion ID or a Notion URL\n');
    const missing = await run('notion-setup', { NOTION_TOKEN: emulator.token, NOTION_BASE_URL: emulator.url, NOTION_MAX_RPS: '100' }, [
      '--parent',
      '393abc1eedcd80f3813be205934558c6',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('corridor-bot: The parent page was not found, or it is not shared with the integration.\n');
  });
});

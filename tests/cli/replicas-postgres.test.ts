import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPostgres } from '../support/postgres-global-setup.js';
import { dropFreshDatabases, freshPostgresUrl } from '../support/postgres.js';
import { cleanEnv, runCli, spawnTs } from '../support/run-cli.js';
import { startSlackApiEmulator, type RecordedCall, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { viewSubmission, type Json } from '../support/slack-interactions.js';
import { interactionBody, postSigned, slashCommandBody } from '../support/slack-signing.js';

// Several real `npm start` processes on one PostgreSQL database, in HTTP mode, each with its own
// port, all talking to one Slack Web API emulator: they must behave as one app.

const SECRET = 'replicas-signing-secret';
const TOKEN = 'xoxb-replicas';
const ADMIN = 'U0ADMIN';
const CHANNEL = 'C0CORRIDOR';

interface Replica {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  output: () => string;
}

let slack: SlackApiEmulator;
const replicas: Replica[] = [];

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: TOKEN, botUserId: 'U0BOT' });
  // A coordinator of the installing workspace: the forms are theirs.
  slack.setUser({ id: ADMIN, locale: 'en-US' });
});

afterEach(async () => {
  for (const replica of replicas.splice(0)) replica.child.kill('SIGKILL');
  await slack.close();
  await dropFreshDatabases();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startReplica(databaseUrl: string, extra: Record<string, string> = {}): Promise<Replica> {
  const port = await freePort();
  const env = cleanEnv({
    DATABASE_URL: databaseUrl,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_API_URL: slack.url,
    PORT: String(port),
    CORRIDOR_CHANNEL: CHANNEL,
    CORRIDOR_ADMINS: ADMIN,
    ...extra,
  });
  const child = spawnTs('src/cli/start.ts', [], { env });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const replica = { child, port, exited, output: () => output };
  replicas.push(replica);
  await vi.waitFor(async () => expect((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status, output).toBe(200), {
    timeout: 30_000,
    interval: 100,
  });
  return replica;
}

const eventsUrl = (replica: Replica) => `http://127.0.0.1:${replica.port}/slack/events`;

function command(replica: Replica, text: string, userId = 'U0MEMBER') {
  return postSigned(eventsUrl(replica), slashCommandBody({ text, user_id: userId, response_url: slack.responseUrl }), { signingSecret: SECRET });
}

function postsOf(job: string): RecordedCall[] {
  return slack.callsTo('chat.postMessage').filter((call) => (call.args.metadata as { event_payload?: { job?: string } } | undefined)?.event_payload?.job === job);
}

const textOf = (json: unknown) => JSON.stringify(json);

/** Only the digest fires here: the reminders' schedules (1 January, 00:00) have no time to catch up today, the monthly report's (31 December, 23:59) only in that minute. */
const DIGEST_ONLY = { DIGEST_CRON: '* * * * *', REMINDER_CRON: '0 0 1 1 *', EVENT_REMINDER_CRON: '0 0 1 1 *', REPORT_CRON: '59 23 31 12 *' };

/** A direct connection to the test database, closed even when the test fails. */
async function withDatabase<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  // The database is dropped with its connections after the test; that is not an error here.
  db.on('error', () => undefined);
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end().catch(() => undefined);
  }
}

describe('npm start on PostgreSQL with no Slack credentials', () => {
  it('answers /corridor pending from an empty database, and a second start seeds nothing twice', async () => {
    const url = await freshPostgresUrl('console');
    for (let run = 0; run < 2; run++) {
      const result = await runCli('src/cli/start.ts', { input: '/corridor pending\n', env: cleanEnv({ DATABASE_URL: url }) });
      expect(result.code).toBe(0);
      for (const name of ['Venture Lab', 'CMC Microsystems', 'Department of Business and Economic Affairs – State of New Hampshire']) {
        expect(result.stdout).toContain(name);
      }
    }
    const counts = await withDatabase(url, (db) => db.query("SELECT (SELECT count(*)::int FROM partners) AS partners, (SELECT count(*)::int FROM history WHERE change = 'created') AS created, (SELECT count(*)::int FROM seeds) AS seeds, (SELECT (SELECT count(*) FROM partners) + (SELECT count(*) FROM people) + (SELECT count(*) FROM events) + (SELECT count(*) FROM actions) + (SELECT count(*) FROM about))::int AS records"));
    expect(counts.rows[0]).toMatchObject({ partners: 12, seeds: 1 });
    // One history entry per seeded record (the about card included): nothing was seeded twice.
    expect(counts.rows[0].created).toBe(counts.rows[0].records);
  }, 60_000);
});

describe('replicas on one PostgreSQL database', () => {
  it('post the week’s digest once however many fire it, and each answers /corridor pending', async () => {
    const url = await freshPostgresUrl('replicas_digest');
    // Every minute, so each replica catches up at start and fires again while the others run.
    const started = await Promise.all([startReplica(url, DIGEST_ONLY), startReplica(url, DIGEST_ONLY), startReplica(url, DIGEST_ONLY)]);
    await vi.waitFor(() => expect(postsOf('digest').length).toBeGreaterThan(0), { timeout: 20_000, interval: 100 });
    // Past the next minute, when the three schedules fire at the same second.
    const nextMinute = Math.ceil(Date.now() / 60_000) * 60_000;
    await new Promise((resolve) => setTimeout(resolve, nextMinute - Date.now() + 4000));
    expect(postsOf('digest')).toHaveLength(1);
    for (const replica of started) {
      expect(replica.child.exitCode).toBeNull();
      const pending = await command(replica, 'pending');
      expect(pending.status).toBe(200);
      for (const name of ['Venture Lab', 'CMC Microsystems']) expect(textOf(pending.json)).toContain(name);
    }
    const { runs, partners } = await withDatabase(url, async (db) => ({
      runs: (await db.query("SELECT state, attempts FROM job_runs WHERE job = 'digest'")).rows,
      partners: (await db.query('SELECT count(*)::int AS n FROM partners')).rows[0].n as number,
    }));
    expect(runs).toEqual([{ state: 'done', attempts: 1 }]);
    expect(partners).toBe(12); // seeded once by three replicas starting together
  }, 90_000);

  it('post exactly once when the replica posting is killed in the middle of its post', async () => {
    const url = await freshPostgresUrl('replicas_kill');
    // Slack takes the first digest but answers late: its poster dies before recording it.
    slack.failNext('chat.postMessage', { delayMs: 60_000 });
    const [first, second] = await Promise.all([startReplica(url, DIGEST_ONLY), startReplica(url, DIGEST_ONLY)]);
    await vi.waitFor(() => expect(postsOf('digest').length).toBeGreaterThan(0), { timeout: 20_000, interval: 100 });
    await withDatabase(url, async (db) => {
      const holder = await db.query<{ claimed_by: string }>("SELECT claimed_by FROM job_runs WHERE job = 'digest' AND state = 'claimed'");
      const holderPid = Number(holder.rows[0]!.claimed_by.split(':').at(-2));
      const victim = [first, second].find((replica) => replica.child.pid === holderPid)!;
      expect(victim).toBeDefined();
      victim.child.kill('SIGKILL');
      await victim.exited;
      // The survivor sees the holder gone (same host, dead pid), takes over, finds the post in the channel.
      await vi.waitFor(async () => expect((await db.query("SELECT state FROM job_runs WHERE job = 'digest'")).rows[0]?.state).toBe('done'), {
        timeout: 70_000,
        interval: 100,
      });
      const done = await db.query("SELECT state, attempts, message_ts FROM job_runs WHERE job = 'digest'");
      expect(postsOf('digest')).toHaveLength(1);
      expect(done.rows[0]).toMatchObject({ state: 'done', attempts: 2 });
    });
  }, 120_000);

  it('show a change made through one replica’s modal in the other’s very next answer', async () => {
    const url = await freshPostgresUrl('replicas_modal');
    const [a, b] = await Promise.all([startReplica(url), startReplica(url)]);
    const opened = await command(a, 'partner edit c2mi', ADMIN);
    expect(opened.status).toBe(200);
    await vi.waitFor(() => expect(slack.callsTo('views.open')).toHaveLength(1), { timeout: 10_000, interval: 100 });
    const view = slack.callsTo('views.open')[0]!.args.view as Json;
    const submitted = await postSigned(
      eventsUrl(a),
      interactionBody(viewSubmission(ADMIN, view, { website: 'https://c2mi.ca/' })),
      { signingSecret: SECRET },
    );
    expect(submitted.status).toBe(200);
    const card = await command(b, 'partner c2mi');
    expect(textOf(card.json)).toContain('https://c2mi.ca/');
  }, 90_000);
});

describe('readiness of a replica whose PostgreSQL goes away', () => {
  it('answers 503 while the server is stopped and 200 again soon after it returns, with no restart; /metrics counts requests', async () => {
    const server = await startEmbeddedPostgres();
    try {
      const replica = await startReplica(server.url);
      const readyz = async () => {
        const response = await fetch(`http://127.0.0.1:${replica.port}/readyz`);
        return { status: response.status, text: await response.text() };
      };
      expect((await readyz()).status).toBe(200);
      expect((await command(replica, 'pending')).status).toBe(200);
      await server.pause();
      await vi.waitFor(async () => expect((await readyz()).status).toBe(503), { timeout: 10_000, interval: 100 });
      const down = await readyz();
      expect(down.text).toMatch(/^database not ready: /);
      expect(down.text).not.toContain(new URL(server.url).password);
      // /healthz needs no database: the process itself is fine.
      expect((await fetch(`http://127.0.0.1:${replica.port}/healthz`)).status).toBe(200);
      await server.resume();
      await vi.waitFor(async () => expect((await readyz()).status).toBe(200), { timeout: 15_000, interval: 100 });
      expect((await command(replica, 'pending')).status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${replica.port}/metrics`)).text();
      expect(metrics).toMatch(/corridor_slack_requests_total\{kind="command",outcome="ok"\} 2/);
      expect(replica.child.exitCode).toBeNull();
    } finally {
      await server.stop();
    }
  }, 90_000);
});

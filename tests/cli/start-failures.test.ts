import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanEnv, PROJECT_ROOT, runCli, type CliResult } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

// What a new user meets when the machine, not the code, is in the way: each ends in one line and exit 1.

const TOKEN = 'xoxb-start-failures';
const SLACK = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: 'start-failures-secret' };

const servers: Server[] = [];
const sockets: Socket[] = [];
let slack: SlackApiEmulator | undefined;

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await slack?.close();
  slack = undefined;
});

/** A TCP server on a free loopback port that accepts connections and never answers. */
async function silentServer(): Promise<number> {
  const server = createServer((socket) => sockets.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** A loopback port nobody listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function timedStart(env: NodeJS.ProcessEnv): Promise<CliResult & { seconds: number }> {
  const started = Date.now();
  const result = await runCli('src/cli/start.ts', { env });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

function expectOneLine(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(result.stderr).toMatch(pattern);
}

describe('npm start when Slack cannot be reached', () => {
  it('refused: one line naming SLACK_API_URL and the network, exit 1, at once', async () => {
    const port = await closedPort();
    const result = await timedStart(cleanEnv({ ...SLACK, SLACK_API_URL: `http://127.0.0.1:${port}/api/` }));
    expectOneLine(result, new RegExp(`^corridor-bot: SLACK_API_URL: cannot reach Slack at http://127\\.0\\.0\\.1:${port}/api/ \\(ECONNREFUSED\\); check the network connection`));
    expect(result.seconds).toBeLessThan(15);
  });

  it('refused at a URL holding a user and password: the line names the host, never the password', async () => {
    const port = await closedPort();
    const result = await timedStart(cleanEnv({ ...SLACK, SLACK_API_URL: `http://corridor:pa%20ss%2Fw0rd@127.0.0.1:${port}/api/` }));
    expectOneLine(result, new RegExp(`^corridor-bot: SLACK_API_URL: cannot reach Slack at http://\\*\\*\\*@127\\.0\\.0\\.1:${port}/api/ \\(`));
    expect(result.stderr).not.toMatch(/pa%20ss|w0rd/);
  });

  it('a port fetch never connects to (9, discard): says so rather than "bad port"', async () => {
    const result = await timedStart(cleanEnv({ ...SLACK, SLACK_API_URL: 'http://127.0.0.1:9' }));
    expectOneLine(result, /^corridor-bot: SLACK_API_URL: cannot reach Slack at http:\/\/127\.0\.0\.1:9 \(fetch never connects to the port of http:\/\/127\.0\.0\.1:9, a port reserved for other protocols\); check the network/);
    expect(result.seconds).toBeLessThan(15);
  });

  it('a name DNS cannot resolve: the same, in French under a French LANG', async () => {
    const result = await timedStart(cleanEnv({ ...SLACK, LANG: 'fr_CA.UTF-8', SLACK_API_URL: 'http://slack.corridor.invalid/api/' }));
    expectOneLine(result, /^corridor-bot: SLACK_API_URL\u00a0: Slack est injoignable à http:\/\/slack\.corridor\.invalid\/api\/ \((ENOTFOUND|EAI_AGAIN)\)\u00a0; vérifiez la connexion réseau/);
    expect(result.seconds).toBeLessThan(15);
  });

  it('a server that never answers: gives up within 30 s, after its retries, with no warning per try', async () => {
    const port = await silentServer();
    const result = await timedStart(cleanEnv({ ...SLACK, SLACK_API_URL: `http://127.0.0.1:${port}/api/` }));
    expectOneLine(result, /^corridor-bot: SLACK_API_URL: cannot reach Slack at .* \(no answer within 23 s\)/);
    expect(result.seconds).toBeLessThan(30);
  }, 40_000);
});

describe('npm start on a busy port', () => {
  it('says PORT is in use, in one line, exit 1', async () => {
    slack = await startSlackApiEmulator({ botToken: TOKEN });
    const port = await silentServer();
    const result = await timedStart(cleanEnv({ ...SLACK, SLACK_API_URL: slack.url, PORT: String(port) }));
    expectOneLine(result, new RegExp(`^corridor-bot: PORT: port ${port} is already in use by another process; stop that process or set PORT to a free port`));
  });
});

describe('npm start with DATABASE_URL naming something other than a file', () => {
  it('a bare path: one line with the sqlite: form to write, exit 1, and no file left in the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'corridor-bare-'));
    const result = await runCli(join(PROJECT_ROOT, 'src/cli/start.ts'), { env: cleanEnv({ DATABASE_URL: './foo.sqlite' }), cwd });
    expectOneLine(result, /^corridor-bot: DATABASE_URL: "\.\/foo\.sqlite" is a path, not a URL: write sqlite:\.\/foo\.sqlite to keep the database in that file/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a directory: one line, exit 1', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'corridor-dir-'));
    const result = await timedStart(cleanEnv({ DATABASE_URL: `sqlite:${directory}` }));
    expectOneLine(result, new RegExp(`^corridor-bot: DATABASE_URL: ${directory} is a directory, not a database file`));
  });

  it('a FIFO: one line, exit 1, without opening it (opening it for reading would wait for a writer forever)', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'corridor-fifo-')), 'corridor.sqlite');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = await timedStart(cleanEnv({ DATABASE_URL: `sqlite:${fifo}` }));
    expectOneLine(result, /is a named pipe \(FIFO\), not a database file/);
    expect(result.seconds).toBeLessThan(10);
  });

  it('a kernel file under /proc: one line, exit 1', async () => {
    const result = await timedStart(cleanEnv({ DATABASE_URL: 'sqlite:/proc/self/status' }));
    expectOneLine(result, /^corridor-bot: DATABASE_URL: \/proc\/self\/status is a system file/);
  });

  it('a missing folder under /proc: one line, exit 1, without trying to create it', async () => {
    const result = await timedStart(cleanEnv({ DATABASE_URL: 'sqlite:/proc/nope/x.sqlite' }));
    expectOneLine(result, /^corridor-bot: DATABASE_URL: \/proc\/nope\/x\.sqlite is a system file/);
  });

  it('a link to /sys leads there: one line, exit 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'corridor-sys-'));
    expect(spawnSync('ln', ['-s', '/sys', join(folder, 'data')]).status).toBe(0);
    const result = await timedStart(cleanEnv({ DATABASE_URL: `sqlite:${join(folder, 'data/missing/corridor.sqlite')}` }));
    expectOneLine(result, /is a system file \(under \/proc or \/sys\)/);
  });
});

describe('SIGTERM to the npm process of `npm start`', () => {
  it('stops the bot too: nothing is left listening on its port', async () => {
    slack = await startSlackApiEmulator({ botToken: TOKEN });
    // The project's own start script, run by npm from a copy of package.json whose compiled entry
    // point loads the current sources: npm → shell → node, as on a user's machine.
    const script = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const project = mkdtempSync(join(tmpdir(), 'corridor-npm-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'corridor-npm-start', type: 'module', scripts: { start: script } }));
    mkdirSync(join(project, 'dist/src/cli'), { recursive: true });
    writeFileSync(join(project, 'dist/src/cli/start.js'), `await import(${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'src/cli/start.ts')).href)});\n`);
    const loader = pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const env = { ...cleanEnv({ ...SLACK, SLACK_API_URL: slack.url, PORT: '0' }), NODE_OPTIONS: `--import ${loader}` };
    const npm = spawn('npm', ['start'], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => npm.on('close', resolve));
    const port = await vi.waitFor(
      () => {
        const match = /listening on port (\d+)/.exec(output);
        if (!match) throw new Error(`not listening yet: ${output}`);
        return Number(match[1]);
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(await accepts(port)).toBe(true);

    npm.kill('SIGTERM');
    await exited;
    await vi.waitFor(async () => expect(await accepts(port)).toBe(false), { timeout: 10_000, interval: 100 });
  }, 30_000);
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The compiled app in a process of its own, as `npm start` runs it, for the start-up and memory benches. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPILED_START = fileURLToPath(new URL('../dist/src/cli/start.js', import.meta.url));

export function requireBuild(): void {
  if (!existsSync(COMPILED_START)) throw new Error('dist/ is not built: run npm run build first (npm run bench does)');
}

/** A folder of its own per run: no `.env` is read from it, and the database file lives there. */
export function benchDir(): string {
  return mkdtempSync(join(tmpdir(), 'corridor-bench-'));
}

export function benchEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', DATABASE_URL: `sqlite:${join(dir, 'corridor.sqlite')}`, ...extra };
}

export function startCompiled(dir: string, env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [COMPILED_START], { cwd: dir, env, stdio: 'pipe' });
}

export function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('close', resolve));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls `url` until it answers 200; rejects if the process exits first or after `limitMs`. */
export async function until200(url: string, child: ChildProcessWithoutNullStreams, limitMs = 30_000): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before ${url} answered`);
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not answer 200 within ${limitMs} ms`);
}

/** One sample's value from Prometheus text (`name value`). */
export function metricValue(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!match) throw new Error(`${name} not found in /metrics`);
  return Number(match[1]);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

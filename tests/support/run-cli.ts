import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = new URL('../../', import.meta.url);
export const PROJECT_ROOT = fileURLToPath(ROOT);
/** tsx as node's own loader: the command runs in one process, so killing it leaves no orphan behind. */
const TSX_LOADER = pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Starts a TypeScript entry point (a path from the project root, or absolute) under node. */
export function spawnTs(script: string, args: string[], options: SpawnOptionsWithoutStdio = {}): ChildProcessWithoutNullStreams {
  const path = script.startsWith('/') ? script : join(PROJECT_ROOT, script);
  return spawn(process.execPath, ['--import', TSX_LOADER, path, ...args], { cwd: PROJECT_ROOT, ...options, stdio: 'pipe' });
}

/** Environment with no credentials: a user's machine before any set-up. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  return { ...env, DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'corridor-cli-')), 'corridor.sqlite')}`, ...extra };
}

/** Runs a CLI entry point (e.g. `src/cli/start.ts`) as a user would, from the project root. */
export function runCli(script: string, options: { args?: string[]; input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, options.args ?? [], { cwd: options.cwd ?? PROJECT_ROOT, env: options.env ?? cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = new URL('../../', import.meta.url);
const TSX = new URL('node_modules/.bin/tsx', ROOT).pathname;

/** Environment with no credentials: a user's machine before any set-up. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  return { ...env, DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'corridor-cli-')), 'corridor.sqlite')}`, ...extra };
}

/** Runs a CLI entry point (e.g. `src/cli/start.ts`) as a user would, from the project root. */
export function runCli(script: string, options: { args?: string[]; input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...(options.args ?? [])], {
      cwd: options.cwd ?? ROOT.pathname,
      env: options.env ?? cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

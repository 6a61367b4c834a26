import { spawnTs } from '../tests/support/run-cli.js';

export interface LoadResult {
  requests: number;
  seconds: number;
  failures: number;
  /** Milliseconds, one per request. */
  latencies: number[];
}

export interface LoadOptions {
  requests: number;
  concurrency: number;
  responseUrl?: string;
  /** Every request sends this command text; a mix of read-only commands otherwise. */
  text?: string;
}

/** Runs bench/load-generator.ts in a process of its own against `eventsUrl`, and reads its report. */
export function runLoad(eventsUrl: string, options: LoadOptions): Promise<LoadResult> {
  const args = [eventsUrl, String(options.requests), String(options.concurrency), options.responseUrl ?? '', ...(options.text ? [options.text] : [])];
  const child = spawnTs('bench/load-generator.ts', args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as LoadResult) : reject(new Error(`load generator exited with ${code}: ${stderr}`))));
  });
}

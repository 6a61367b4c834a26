import { spawnTs } from './run-cli.js';

/**
 * Runs `count` copies of a worker script (a path next to the caller) with the same arguments
 * plus a start instant far enough ahead for all to be ready; resolves with each one's output.
 */
export async function raceWorkers(workerUrl: URL, args: string[], count: number, leadMs = 3000): Promise<string[]> {
  const startAt = String(Date.now() + leadMs);
  return Promise.all(
    Array.from({ length: count }, () =>
      new Promise<string>((resolve, reject) => {
        const child = spawnTs(workerUrl.pathname, [...args, startAt]);
        child.stderr.pipe(process.stderr);
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.on('error', reject);
        child.on('close', () => resolve(out.trim()));
      }),
    ),
  );
}

import type { ChildProcess } from 'node:child_process';
import { spawnTs } from './run-cli.js';

export interface SpawnedApp {
  child: ChildProcess;
  port: number;
  eventsUrl: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `npm start`'s entry point as a child process and resolves once it reports its port. */
export function spawnApp(env: NodeJS.ProcessEnv): Promise<SpawnedApp> {
  const child = spawnTs('src/cli/start.ts', [], { env });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk;
      const match = /listening on port (\d+)/.exec(output);
      if (match) {
        const port = Number(match[1]);
        resolve({ child, port, eventsUrl: `http://127.0.0.1:${port}/slack/events`, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code} before listening: ${output}`)));
  });
}

import { benchMemory } from './memory.js';
import { benchNotionSync } from './notion-sync.js';
import { benchSlashCommand } from './slash-command.js';
import { benchStartToReady } from './start-to-ready.js';
import { benchStoreThroughput } from './store-throughput.js';

/** `npm run bench`: every benchmark, one after the other, printed as it finishes. */
const benches: [string, () => Promise<string[]>][] = [
  ['slash command', benchSlashCommand],
  ['PostgreSQL and SQLite', benchStoreThroughput],
  ['start to ready', benchStartToReady],
  ['memory', benchMemory],
  ['notion sync', benchNotionSync],
];

for (const [name, bench] of benches) {
  try {
    for (const line of await bench()) console.log(line);
  } catch (error) {
    console.error(`bench "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  console.log('');
}

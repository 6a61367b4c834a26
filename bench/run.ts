import { benchSlashCommand } from './slash-command.js';

/** `npm run bench`: every benchmark, one after the other, printed as it finishes. */
const benches: [string, () => Promise<string[]>][] = [['slash command', benchSlashCommand]];

for (const [name, bench] of benches) {
  try {
    for (const line of await bench()) console.log(line);
  } catch (error) {
    console.error(`bench "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  console.log('');
}

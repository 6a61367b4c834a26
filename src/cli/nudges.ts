import { runCli } from './cli-support.js';
import { runJobCommand } from './job-command.js';

/** `npm run nudges [-- --dry-run] [--date YYYY-MM-DD]` */
await runCli((lang) => runJobCommand('nudges', process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, lang }));

import { runCli } from './cli-support.js';
import { runJobCommand } from './job-command.js';

/** `npm run event-reminder [-- --dry-run]` */
await runCli((lang) => runJobCommand('event-reminder', process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, lang }));

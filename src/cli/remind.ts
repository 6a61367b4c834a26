import { runCli } from './cli-support.js';
import { runJobCommand } from './job-command.js';

/** `npm run remind [-- --dry-run]` */
await runCli((lang) => runJobCommand('remind', process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, lang }));

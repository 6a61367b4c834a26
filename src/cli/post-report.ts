import { runCli } from './cli-support.js';
import { runJobCommand } from './job-command.js';

/** `npm run post-report [-- --dry-run [--date YYYY-MM-DD]]`: the monthly report to CORRIDOR_CHANNEL. */
await runCli((lang) => runJobCommand('report', process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, lang }));

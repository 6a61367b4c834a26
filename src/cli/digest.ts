import { runCli } from './cli-support.js';
import { runJobCommand } from './job-command.js';

/** `npm run digest [-- --dry-run]` */
await runCli((lang) => runJobCommand('digest', process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, lang }));

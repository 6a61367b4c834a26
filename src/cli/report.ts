import { runCli } from './cli-support.js';
import { runReportCommand } from './report-command.js';

/** `npm run report [-- --out DIR] [--period P] [--lang fr|en|both] [--public]` */
await runCli((lang) => runReportCommand(process.argv.slice(2), { stdout: process.stdout, lang }));

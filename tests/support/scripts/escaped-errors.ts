import { installProcessGuards } from '../../../src/cli/process-guards.js';

// Run as a child process by tests/cli/process-guards.test.ts: errors nobody catches, then proof of life.
installProcessGuards();
void Promise.reject(new Error('nobody awaited this\nsecond line'));
setTimeout(() => {
  throw new TypeError("Cannot read properties of null (reading 'ssl_check')");
}, 10);
setTimeout(() => process.stdout.write('still serving\n'), 100);

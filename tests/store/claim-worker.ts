// Claims one period in the database named on the command line, as a separate process would,
// and prints whether it got it. Used by store-contract.test.ts to race several processes.
import { openStore } from '../../src/store/open-store.js';

const [databaseUrl = '', startAt = '0'] = process.argv.slice(2);
const store = await openStore(databaseUrl);
// Start together: every worker waits for the same instant before claiming.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const claim = await store.runs.claim('digest', '2026-W48', { owner: `worker:${process.pid}`, now: new Date(), leaseMs: 60_000 });
process.stdout.write(claim ? 'claimed\n' : 'refused\n');
await store.close();

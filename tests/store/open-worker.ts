// Opens (migrating and seeding) the database named on the command line at a given instant, as
// a replica starting at the same second as others would, and prints how many partners it sees.
import { openStore } from '../../src/store/open-store.js';

const [databaseUrl = '', startAt = '0'] = process.argv.slice(2);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const store = await openStore(databaseUrl);
process.stdout.write(`${(await store.partners.list()).length}\n`);
await store.close();

/**
 * Notion sync benchmark: 1,000 partners in Notion, 10 of them changed in the store. Counts the
 * requests one sync sends (goal: the 10 writes plus the paginated reads, ⌈1000/100⌉ for the
 * partners) and times it at NOTION_MAX_RPS against an emulator that itself rate-limits at that
 * average (goal: within 10 % of requests ÷ rate, and no 429 caused by our own pacing).
 */
import { pathToFileURL } from 'node:url';
import type { Partner } from '../src/domain/types.js';
import { runNotionSyncJob, type NotionSettings } from '../src/jobs/notion-sync.js';
import { createNotionClient } from '../src/notion/client.js';
import { createCorridorDatabases } from '../src/notion/setup.js';
import { syncFailed, totalCounts } from '../src/notion/sync-summary.js';
import { openSqliteStore } from '../src/store/open-store.js';
import { startNotionEmulator } from '../tests/support/notion-emulator.js';

const PARTNERS = Number(process.env.BENCH_NOTION_PARTNERS ?? 1000);
const CHANGED = Number(process.env.BENCH_NOTION_CHANGED ?? 10);
const RPS = Number(process.env.NOTION_MAX_RPS ?? 3);

function extraPartner(index: number): Omit<Partner, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'removedAt'> {
  return {
    id: `bench-partner-${index}`,
    name: `Bench partner ${index}`,
    officialName: null,
    acronym: `BP${index}`,
    aliases: [],
    designation: { fr: `Partenaire d’essai ${index}`, en: `Test partner ${index}` },
    kind: 'company',
    jurisdiction: index % 2 ? 'QC' : 'VT',
    website: null,
    status: 'signatory',
    joinedOn: '2025-04-16',
    pendingSince: null,
    nextStep: null,
    nextStepDueOn: null,
    followUpUserId: null,
    internalNote: null,
    stage: null,
  };
}

export async function benchNotionSync(): Promise<string[]> {
  const emulator = await startNotionEmulator();
  const store = await openSqliteStore('sqlite::memory:');
  try {
    const links = store.notionLinks;
    const write = { actor: 'bench' };
    const seeded = (await store.partners.list()).length;
    for (let index = seeded; index < PARTNERS; index += 1) await store.partners.save(extraPartner(index), write);

    // Set-up and first sync at full speed: only the incremental sync is measured.
    const fast = createNotionClient({ token: emulator.token, baseUrl: emulator.url, maxRps: 10_000 });
    const parent = emulator.addWorkspacePage('Corridor');
    const created = await createCorridorDatabases({ notion: fast.client, parentPageId: parent, lang: 'en', tracks: await store.listTracks() });
    const config: NotionSettings = {
      NOTION_TOKEN: emulator.token,
      NOTION_BASE_URL: emulator.url,
      NOTION_PARTNERS_DATABASE_ID: created.partners.databaseId,
      NOTION_ACTIONS_DATABASE_ID: created.actions.databaseId,
      NOTION_MAX_RPS: RPS,
    };
    const firstStarted = performance.now();
    const first = await runNotionSyncJob({ config, store, links, connection: fast, options: { concurrency: 8 } });
    const firstSeconds = (performance.now() - firstStarted) / 1000;
    if (syncFailed(first)) throw new Error('the first sync failed');

    const partners = await store.partners.list();
    for (const partner of partners.slice(0, CHANGED)) {
      await store.partners.save({ ...partner, acronym: `${partner.acronym ?? 'X'}-v2` }, write);
    }

    // The measured sync: paced at NOTION_MAX_RPS, against an emulator limiting at that average.
    emulator.resetRequests();
    emulator.rateLimit({ rps: RPS, burst: 3 });
    const paced = createNotionClient({ token: emulator.token, baseUrl: emulator.url, maxRps: RPS });
    const started = performance.now();
    const summary = await runNotionSyncJob({ config, store, links, connection: paced });
    const seconds = (performance.now() - started) / 1000;
    emulator.rateLimit(null);

    const requests = emulator.requests;
    const writes = requests.filter((request) => request.path.startsWith('/v1/pages') && request.method !== 'GET').length;
    const queries = requests.filter((request) => request.path.endsWith('/query')).length;
    const schema = requests.filter((request) => request.method === 'GET').length;
    const rateLimited = requests.filter((request) => request.status === 429).length;
    const readGoal = Math.ceil(PARTNERS / 100);
    const ideal = requests.length / RPS;
    const deviation = (seconds - ideal) / ideal;
    const counts = totalCounts(summary);
    const ok = (condition: boolean) => (condition ? 'ok' : 'MISSED');
    return [
      `Notion sync — ${PARTNERS} partners, ${CHANGED} changed, NOTION_MAX_RPS=${RPS}`,
      `  first sync (unpaced, set-up only): ${first.requests} requests, ${firstSeconds.toFixed(1)} s`,
      `  incremental sync: ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`,
      `  requests: ${requests.length} = ${writes} writes + ${queries} paginated reads (${readGoal} partner pages + ${queries - readGoal} action page) + ${schema} schema checks`,
      `    writes ≤ ${CHANGED}: ${ok(writes <= CHANGED)}; paginated partner reads = ⌈${PARTNERS}/100⌉ = ${readGoal}: ${ok(queries - 1 === readGoal)}`,
      `  time: ${seconds.toFixed(2)} s; requests ÷ rate = ${ideal.toFixed(2)} s; ${(deviation * 100).toFixed(1)} % (goal within ±10 %): ${ok(Math.abs(deviation) <= 0.1)}`,
      `  429 answers from the rate-limited emulator: ${rateLimited} (goal 0): ${ok(rateLimited === 0)}`,
    ];
  } finally {
    await emulator.close();
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchNotionSync()) console.log(line);
}

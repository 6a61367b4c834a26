import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notionSyncAccess, scheduleNotionSync } from '../../src/jobs/notion-sync.js';
import { syncFailed } from '../../src/notion/sync-summary.js';
import { metrics } from '../../src/ops/metrics.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { ADMIN_ID } from '../support/corridor-app.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

let fixture: NotionFixture;

beforeEach(async () => {
  // Short time-outs: each hung request costs this much real time.
  fixture = await notionFixture({ transport: { timeoutMs: 600 } });
});

afterEach(async () => {
  await fixture.close();
});

const createsHang = () =>
  fixture.emulator.failRandomly({ rate: 1, faults: [{ kind: 'hang', match: (request) => request.method === 'POST' && request.path === '/v1/pages' }] });
const creates = () => fixture.emulator.requests.filter((request) => request.method === 'POST' && request.path === '/v1/pages').length;

describe('Notion sync when Notion stops answering', () => {
  it('stops after three page creations in a row got no answer, and says what was done and what is left', async () => {
    createsHang();
    const summary = await fixture.sync();
    expect(summary.interrupted).toEqual({ kind: 'timeout', done: 0, remaining: 13 });
    expect(summary.aborted?.en).toBe('Notion is not answering (3 requests in a row timed out): 0 of 13 records done, 13 left for the next sync.');
    expect(summary.aborted?.fr).toBe(
      'Notion ne répond pas (3 requêtes de suite sans réponse dans le délai) : 0 fiche traitée sur 13, 13 restantes pour la prochaine synchronisation.',
    );
    expect(syncFailed(summary)).toBe(true);
    // Three creations in flight at once (two may be tried again before the third times out), then
    // nothing more: not four attempts for each of 13 records.
    expect(creates()).toBeGreaterThanOrEqual(3);
    expect(creates()).toBeLessThanOrEqual(5);
  });

  it('counts the records done before Notion stopped answering', async () => {
    await fixture.sync();
    for (const id of ['c2mi', 'iseq']) {
      const partner = (await fixture.store.partners.get(id))!;
      await fixture.store.partners.save({ ...partner, acronym: `${partner.acronym ?? id}-2` }, { actor: 'U0TEST' });
    }
    // Updates now hang: the unchanged records are done, the two to update are left.
    fixture.emulator.failRandomly({ rate: 1, faults: [{ kind: 'hang', match: (request) => request.method === 'PATCH' }] });
    const summary = await fixture.sync({ concurrency: 1 });
    expect(summary.interrupted?.kind).toBe('timeout');
    expect(summary.interrupted!.done + summary.interrupted!.remaining).toBe(13);
    expect(summary.interrupted!.remaining).toBeGreaterThanOrEqual(1);
    expect(summary.counts.partner.unchanged).toBeGreaterThanOrEqual(1);
    expect(summary.interrupted!.done).toBe(recordsThrough(summary));
  });

  it('says so in /corridor sync, in both languages', async () => {
    createsHang();
    const notion = notionSyncAccess({ config: fixture.config, store: fixture.store, connection: fixture.connection });
    const ask = (lang: 'fr' | 'en') =>
      runCorridorCommand({ text: 'sync', userId: ADMIN_ID, lang, audience: 'internal', store: fixture.store, timeZone: 'America/Toronto', admins: [ADMIN_ID], notion });
    const en = (await ask('en'))!;
    expect(en.text).toContain('Sync stopped: Notion is not answering (3 requests in a row timed out): 0 of 13 records done');
    expect(renderBlocksAsText(en.blocks)).toContain('Notion is not answering');
    const fr = (await ask('fr'))!;
    expect(fr.text).toContain('Synchronisation interrompue : Notion ne répond pas');
  });

  it('says so in the scheduled run’s log line, and times the run as aborted', async () => {
    createsHang();
    const aborted = async () => (await metrics.syncSeconds.get()).values.find((value) => value.metricName === 'corridor_notion_sync_seconds_count' && value.labels.outcome === 'aborted')?.value ?? 0;
    const before = await aborted();
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
    const notion = notionSyncAccess({ config: fixture.config, store: fixture.store, connection: fixture.connection });
    const stop = scheduleNotionSync({ ...fixture.config, NOTION_SYNC_CRON: '* * * * * *', CORRIDOR_TZ: 'America/Toronto' }, notion, logger);
    try {
      for (let tries = 0; tries < 150 && lines.length === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop!();
    }
    expect(lines[0]).toMatch(/^warn Notion sync \| .*Sync stopped: Notion is not answering \(3 requests in a row timed out\): 0 of 13 records done, 13 left/);
    expect((await aborted()) - before).toBeGreaterThanOrEqual(1);
  });
});

function recordsThrough(summary: { counts: Record<'partner' | 'action', { unchanged: number; updated: number; created: number; archived: number; failed: number }> }): number {
  const { partner, action } = summary.counts;
  return partner.unchanged + partner.updated + partner.created + partner.archived + partner.failed + action.unchanged + action.updated + action.created + action.archived + action.failed;
}

import { describe, expect, it } from 'vitest';
import { spawnTs } from '../support/run-cli.js';
import { tempStores } from '../support/temp-stores.js';

const { open, databaseUrl } = tempStores('ledger');
const tempDatabaseUrl = () => databaseUrl();

const T0 = new Date('2026-11-26T15:00:00Z');
const STALE = 15 * 60_000;
const claimOptions = (owner: string, now = T0) => ({ owner, now, leaseMs: STALE });

describe('run ledger', () => {
  it('lets one run claim a period; a second claim is refused while it runs and after it is done', async () => {
    const { runs } = await open();
    const claim = await runs.claim('digest', '2026-W48', claimOptions('a'));
    expect(claim).toBeDefined();
    expect(await runs.claim('digest', '2026-W48', claimOptions('b'))).toBeUndefined();
    expect(await runs.complete(claim!, { channel: 'C0CORRIDOR', messageTs: '1.000001', now: T0 })).toBe(true);
    expect(await runs.claim('digest', '2026-W48', claimOptions('c', new Date(T0.getTime() + 7 * 86_400_000)))).toBeUndefined();
    expect(await runs.get('digest', '2026-W48')).toMatchObject({ state: 'done', claimedBy: 'a', messageTs: '1.000001', attempts: 1 });
    // Other periods and other jobs are separate.
    expect(await runs.claim('digest', '2026-W49', claimOptions('d'))).toBeDefined();
    expect(await runs.claim('remind', '2026-11-26', claimOptions('d'))).toBeDefined();
  });

  it('leaves a failed period retryable, and counts the attempts', async () => {
    const { runs } = await open();
    const first = await runs.claim('remind', '2026-11-26', claimOptions('a'));
    expect(await runs.fail(first!, 'not_in_channel', T0)).toBe(true);
    expect(await runs.get('remind', '2026-11-26')).toMatchObject({ state: 'failed', error: 'not_in_channel' });
    const second = await runs.claim('remind', '2026-11-26', claimOptions('b'));
    expect(second).toMatchObject({ attempt: 2 });
    expect(await runs.get('remind', '2026-11-26')).toMatchObject({ state: 'claimed', claimedBy: 'b', error: null });
  });

  it('treats a skipped run (nothing to post) as run', async () => {
    const { runs } = await open();
    const claim = await runs.claim('remind', '2026-11-26', claimOptions('a'));
    await runs.skip(claim!, T0);
    expect(await runs.claim('remind', '2026-11-26', claimOptions('b'))).toBeUndefined();
    expect(await runs.lastDone('remind')).toBeUndefined();
  });

  it('takes over a claim left by a crashed process once it is stale, and not before', async () => {
    const { runs } = await open();
    const crashed = await runs.claim('digest', '2026-W48', claimOptions('crashed'));
    const soon = new Date(T0.getTime() + STALE - 1000);
    expect(await runs.claim('digest', '2026-W48', claimOptions('b', soon))).toBeUndefined();
    const later = new Date(T0.getTime() + STALE + 1000);
    const takeover = await runs.claim('digest', '2026-W48', claimOptions('c', later));
    expect(takeover).toBeDefined();
    // The crashed run cannot finish a claim it lost.
    expect(await runs.complete(crashed!, { channel: 'C1', messageTs: '1.1', now: later })).toBe(false);
    expect(await runs.complete(takeover!, { channel: 'C1', messageTs: '2.2', now: later })).toBe(true);
    expect(await runs.get('digest', '2026-W48')).toMatchObject({ state: 'done', claimedBy: 'c', messageTs: '2.2' });
  });

  it('gives the latest digest Slack accepted', async () => {
    const { runs } = await open();
    for (const [period, day] of [['2026-W47', '2026-11-16'], ['2026-W48', '2026-11-23']] as const) {
      const claim = await runs.claim('digest', period, claimOptions('a', new Date(`${day}T14:00:00Z`)));
      await runs.complete(claim!, { channel: 'C1', messageTs: period, now: new Date(`${day}T14:00:01Z`) });
    }
    const failing = await runs.claim('digest', '2026-W49', claimOptions('a', new Date('2026-11-30T14:00:00Z')));
    await runs.fail(failing!, 'boom', new Date('2026-11-30T14:00:01Z'));
    expect(await runs.lastDone('digest')).toMatchObject({ period: '2026-W48', finishedAt: new Date('2026-11-23T14:00:01Z') });
  });

  it('remembers claims across a restart (the same file opened again)', async () => {
    const url = tempDatabaseUrl();
    const before = await open(url);
    const claim = await before.runs.claim('digest', '2026-W48', claimOptions('a'));
    await before.runs.complete(claim!, { channel: 'C1', messageTs: '1.1', now: T0 });
    await before.close();
    const after = await open(url);
    expect(await after.runs.claim('digest', '2026-W48', claimOptions('b'))).toBeUndefined();
  });

  it('grants a period to exactly one of several processes claiming it at once', async () => {
    const url = tempDatabaseUrl();
    await (await open(url)).close();
    const startAt = Date.now() + 2500;
    const worker = new URL('./claim-worker.ts', import.meta.url).pathname;
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        new Promise<string>((resolve, reject) => {
          const child = spawnTs(worker, [url, String(startAt)]);
          child.stderr.pipe(process.stderr);
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.on('error', reject);
          child.on('close', () => resolve(out.trim()));
        }),
      ),
    );
    expect(outputs.sort()).toEqual(['claimed', 'refused', 'refused', 'refused']);
  });
});

describe('snoozes', () => {
  it('keeps the longer snooze and forgets ended ones', async () => {
    const { snoozes } = await open();
    await snoozes.snooze({ partnerId: 'venture-lab', until: '2026-12-03', snoozedBy: 'U1', snoozedAt: T0.toISOString() });
    await snoozes.snooze({ partnerId: 'venture-lab', until: '2026-12-01', snoozedBy: 'U2', snoozedAt: T0.toISOString() });
    await snoozes.snooze({ partnerId: 'cmc-microsystems', until: '2026-11-27', snoozedBy: 'U1', snoozedAt: T0.toISOString() });
    expect(await snoozes.active('2026-11-26')).toMatchObject([
      { partnerId: 'cmc-microsystems', until: '2026-11-27' },
      { partnerId: 'venture-lab', until: '2026-12-03', snoozedBy: 'U2' },
    ]);
    expect((await snoozes.active('2026-11-27')).map((s) => s.partnerId)).toEqual(['venture-lab']);
  });
});

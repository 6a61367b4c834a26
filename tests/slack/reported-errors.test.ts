import { afterEach, describe, expect, it } from 'vitest';
import { metrics } from '../../src/ops/metrics.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { recordingLogger } from '../support/recording-logger.js';

// "The team has been told" is said only where it is true: the error is in the log with the ID the
// user reads, and the request counts as an error in the metrics, not as `ok`.

let running: RunningCorridorApp | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function count(outcome: string): Promise<number> {
  const values = (await metrics.requests.get()).values;
  return values.find((value) => value.labels.kind === 'command' && value.labels.outcome === outcome)?.value ?? 0;
}

/** The app on a store whose partners cannot be read, failing with the given message; its log kept. */
async function failingApp(message: string) {
  const logger = recordingLogger();
  const store = await openSqliteStore('sqlite::memory:');
  running = await startCorridorApp({}, store, { logger });
  store.partners.list = async () => {
    throw new Error(message);
  };
  return { app: running, logger };
}

describe('an error on our side', () => {
  it('gives the user an error ID that the log carries, and counts the command as an error', async () => {
    const { logger } = await failingApp('the disk went away');
    const [ok, errors] = [await count('ok'), await count('error')];
    const response = await running!.command('partners', { user_id: ADMIN_ID });
    expect(response.status).toBe(200);
    const text = (response.json as { text: string }).text;
    const id = /The team has been told \(error ([0-9a-f]{8})\)/.exec(text)?.[1];
    expect(id, text).toBeDefined();
    const logged = logger.lines.filter((line) => line.includes(`(error ${id})`));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('/corridor partners failed');
    expect(logged[0]).toContain('the disk went away');
    expect(await count('error')).toBe(errors + 1);
    expect(await count('ok')).toBe(ok);
  });

  it('answers in French with its ID, « L’équipe a été avertie (erreur …) »', async () => {
    const { app, logger } = await failingApp('panne');
    const text = ((await app.command('partenaires', { user_id: ADMIN_ID })).json as { text: string }).text;
    const id = /L’équipe a été avertie \(erreur ([0-9a-f]{8})\)\u00a0;/.exec(text)?.[1];
    expect(id, text).toBeDefined();
    expect(logger.lines.some((line) => line.includes(`(error ${id})`) && line.includes('panne'))).toBe(true);
  });
});

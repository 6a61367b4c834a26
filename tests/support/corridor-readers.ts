import { afterEach, expect } from 'vitest';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { blockKitViolations } from './block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from './corridor-app.js';
import { tempStores, type StoreKind } from './temp-stores.js';

/** The people who read the corridor in tests: a colleague who is not a coordinator, someone of another organisation. */
export const ALICE = 'U0ALICE';
export const PARTNER = 'U0PARTNER';
/** A channel shared with Venture Lab's organisation (Slack Connect). */
export const SHARED = 'C0SHARED';

/** The app on `store`, knowing the coordinator, Alice (inside) and someone at Venture Lab (outside). */
export async function startWithReaders(store: CorridorStore): Promise<RunningCorridorApp> {
  const running = await startCorridorApp({}, store);
  running.slack.setUser({ id: ALICE, locale: 'en-US' });
  running.slack.setUser({ id: PARTNER, locale: 'en-US', team_id: 'T0VENTURELAB' });
  running.slack.setSharedChannel(SHARED);
  return running;
}

/**
 * For a describe block: `start()` gives the app with its readers on a new database of `kind`,
 * closed (and its database deleted) after each test.
 */
export function appsWithReaders(prefix: string, kind: StoreKind): { start: () => Promise<RunningCorridorApp> } {
  const stores = tempStores(prefix, kind);
  let running: RunningCorridorApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return { start: async () => (running = await startWithReaders(await stores.open())) };
}

/** `/corridor <text>` as `userId` would send it: the ephemeral answer, checked against Block Kit, as text and rendered blocks. */
export async function askAs(app: RunningCorridorApp, text: string, userId = ADMIN_ID, channelId = 'C0CORRIDOR'): Promise<string> {
  const response = await app.command(text, { user_id: userId, channel_id: channelId });
  expect(response.status).toBe(200);
  const reply = response.json as { text: string; blocks: unknown[]; response_type: string };
  expect(reply.response_type).toBe('ephemeral');
  expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
  return `${reply.text}\n${renderBlocksAsText(reply.blocks as never)}`;
}

/**
 * One app per test, closed after it: `start()` gives the app with its readers on a new store of
 * `open`, or the app `launch` starts on it.
 */
export function oneAppPerTest(open: () => Promise<CorridorStore>) {
  let running: RunningCorridorApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return async (launch: (store: CorridorStore) => Promise<RunningCorridorApp> = startWithReaders): Promise<RunningCorridorApp> => {
    running = await launch(await open());
    return running;
  };
}

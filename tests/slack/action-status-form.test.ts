import { afterEach, describe, expect, it } from 'vitest';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { expectFormKept } from '../support/not-saved-form.js';
import { viewSubmission, type Typed } from '../support/slack-interactions.js';
import { tempStores } from '../support/temp-stores.js';

// The action item's status form, which its owner gets from `action edit`, answers as every record
// form does (one protocol, saveRecordForm): an item removed meanwhile, a field left empty, a change
// made meanwhile, a database that fails — through signed requests into the real Bolt receiver.

type Json = Record<string, unknown>;
interface AckBody {
  response_action?: string;
  errors?: Record<string, string>;
  view?: Json & { callback_id: string; private_metadata: string };
}

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const ITEM = 'announce-new-adhesions';

const stores = tempStores('action-status');
let running: RunningCorridorApp | undefined;

afterEach(async () => {
  await running?.close().catch(() => undefined);
  running = undefined;
});

/** The app with Alice owning the item, and her status form open. */
async function aliceStatusForm(store?: CorridorStore): Promise<{ app: RunningCorridorApp; view: Json }> {
  const app = await startCorridorApp({ CORRIDOR_ADMINS: `${ADMIN_ID},${BOB}` }, store);
  running = app;
  app.slack.setUser({ id: ALICE, locale: 'en-US', real_name: 'Alice' });
  const item = (await app.store.actions.get(ITEM))!;
  await app.store.actions.save({ ...item, ownerUserId: ALICE }, { actor: ADMIN_ID, expectedVersion: item.version });
  await app.command('action edit announce', { user_id: ALICE });
  await app.corridor.idle();
  const view = app.slack.callsTo('views.open').at(-1)!.args.view as Json;
  expect(view.callback_id).toBe('action_status_modal');
  return { app, view };
}

async function submit(app: RunningCorridorApp, view: Json, typed: Typed): Promise<AckBody> {
  const response = await app.interaction(viewSubmission(ALICE, view, typed));
  expect(response.status).toBe(200);
  await app.corridor.idle();
  const body = (response.json ?? {}) as AckBody;
  if (body.view) expect(viewViolations(body.view)).toEqual([]);
  return body;
}

describe('the action item status form', () => {
  it('saves the owner’s new status and says so', async () => {
    const { app, view } = await aliceStatusForm();
    const ack = await submit(app, view, { status: 'done' });
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('updated');
    expect(await app.store.actions.get(ITEM)).toMatchObject({ status: 'done', updatedBy: ALICE });
  });

  it('says the item is gone when it was removed meanwhile, and changes nothing', async () => {
    const { app, view } = await aliceStatusForm();
    await app.store.actions.remove(ITEM, { actor: BOB });
    const ack = await submit(app, view, { status: 'done' });
    expect(ack).toMatchObject({ response_action: 'update', view: { callback_id: 'gone_modal' } });
    expect(await app.store.actions.get(ITEM)).toMatchObject({ status: 'open' });
  });

  it('keeps the form open with the error under the field left empty', async () => {
    const { app, view } = await aliceStatusForm();
    const ack = await submit(app, view, { status: null });
    expect(ack).toEqual({ response_action: 'errors', errors: { status: expect.any(String) } });
    expect(await app.store.actions.get(ITEM)).toMatchObject({ status: 'open' });
  });

  it('refuses a change over one made meanwhile, naming who, and Edit again reopens the status form', async () => {
    const { app, view } = await aliceStatusForm();
    const shown = (await app.store.actions.get(ITEM))!;
    await app.store.actions.save({ ...shown, status: 'in_progress' }, { actor: BOB, expectedVersion: shown.version });
    const ack = await submit(app, view, { status: 'done' });
    expect(ack).toMatchObject({ response_action: 'update', view: { callback_id: 'conflict_modal' } });
    expect(JSON.stringify(ack.view)).toContain(`changed by <@${BOB}> meanwhile`);
    expect(await app.store.actions.get(ITEM)).toMatchObject({ status: 'in_progress', updatedBy: BOB });
    const again = await submit(app, ack.view!, {});
    expect(again).toMatchObject({ response_action: 'update', view: { callback_id: 'action_status_modal' } });
  });

  it('answers a database that failed in the form, keeping what was chosen', async () => {
    const store = await stores.open();
    const { app, view } = await aliceStatusForm(store);
    await store.close();
    const ack = await submit(app, view, { status: 'done' });
    expectFormKept(ack, view, { status: 'done' }, 'Not saved: the database refused this or could not be reached.');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startCorridorApp, ADMIN_ID, type RunningCorridorApp } from '../support/corridor-app.js';
import { appHomeOpened, buttonClick } from '../support/slack-interactions.js';
import { tempStores } from '../support/temp-stores.js';

// Two replicas of the app on one database, each with its own Bolt receiver and Slack emulator:
// what one handled, the other knows.

const stores = { sqlite: tempStores('replicas', 'sqlite'), postgres: tempStores('replicas', 'postgres') };
const apps: RunningCorridorApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function twoReplicas(kind: keyof typeof stores): Promise<[RunningCorridorApp, RunningCorridorApp]> {
  const { open, databaseUrl } = stores[kind];
  const url = await databaseUrl();
  const [a, b] = await Promise.all([startCorridorApp({}, await open(url)), startCorridorApp({}, await open(url))]);
  apps.push(a, b);
  return [a, b];
}

describe.each(['sqlite', 'postgres'] as const)('replicas on one %s database', (kind) => {
  it('handle an event Slack retries to another replica once', async () => {
    const [a, b] = await twoReplicas(kind);
    const delivery = appHomeOpened('U0VISITOR', 'home', 'Ev0RETRIED');
    expect((await a.event(delivery)).status).toBe(200);
    await a.corridor.idle();
    // Slack's retry (X-Slack-Retry-Num: 1) of the same event_id reaches the other replica.
    expect((await b.event(delivery)).status).toBe(200);
    await b.corridor.idle();
    expect(a.slack.callsTo('views.publish')).toHaveLength(1);
    expect(b.slack.callsTo('views.publish')).toHaveLength(0);
    // A new event (another event_id) is handled as usual.
    await b.event(appHomeOpened('U0VISITOR'));
    await b.corridor.idle();
    expect(b.slack.callsTo('views.publish')).toHaveLength(1);
  });

  it('refresh the Home tab of a visitor seen by another replica after a change', async () => {
    const [a, b] = await twoReplicas(kind);
    await a.event(appHomeOpened('U0VISITOR'));
    await a.corridor.idle();
    const c2mi = (await b.store.partners.get('c2mi'))!;
    await b.interaction(buttonClick(ADMIN_ID, 'partner_remove', `c2mi@${c2mi.version}`));
    await b.corridor.idle();
    const published = b.slack.callsTo('views.publish').map((call) => call.args.user_id);
    expect(published).toEqual(expect.arrayContaining([ADMIN_ID, 'U0VISITOR']));
    // A change made through one replica shows in the other's very next answer.
    expect((await a.store.partners.get('c2mi'))!.removedAt).not.toBeNull();
  });
});

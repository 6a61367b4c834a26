import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { buttonClick, viewSubmission } from '../support/slack-interactions.js';

let running: RunningCorridorApp;

beforeAll(async () => {
  running = await startCorridorApp();
});

afterAll(async () => {
  await running.close();
});

describe('interactions no listener claims', () => {
  it('acknowledges a click on a button the app no longer has, changing nothing', async () => {
    const before = await running.store.partners.list();
    const response = await running.interaction(buttonClick('U0ADMIN', 'retired_button:venture-lab', 'venture-lab', { responseUrl: running.slack.responseUrl }));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(await running.store.partners.list()).toEqual(before);
    expect(running.slack.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('acknowledges the submission of an unknown form without an error', async () => {
    const view = { id: 'V0OLD', type: 'modal', callback_id: 'retired_form', private_metadata: '', blocks: [] };
    const response = await running.interaction(viewSubmission('U0ADMIN', view));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });
});

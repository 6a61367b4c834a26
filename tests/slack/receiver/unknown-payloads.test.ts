import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { metrics } from '../../../src/ops/metrics.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../../support/corridor-app.js';
import { recordingLogger, type RecordingLogger } from '../../support/recording-logger.js';
import { appHomeOpened, buttonClick } from '../../support/slack-interactions.js';

// Slack retries what is not acknowledged within 3 s and shows the user an error: whatever the bot
// does not understand is acknowledged at once, and logged once per kind.

let running: RunningCorridorApp;
let logger: RecordingLogger;

beforeAll(async () => {
  logger = recordingLogger();
  running = await startCorridorApp({}, undefined, { logger });
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US' });
});

afterAll(async () => {
  await running.close();
});

beforeEach(() => {
  running.slack.reset();
  logger.lines.length = 0;
});

const viewClosed = { type: 'view_closed', user: { id: ADMIN_ID }, team: { id: 'T0CORRIDOR' }, view: { id: 'V1', callback_id: 'x' }, is_cleared: false };
const strangeType = { type: 'something_new', user: { id: ADMIN_ID }, team: { id: 'T0CORRIDOR' } };
const unknownForm = {
  type: 'view_submission',
  user: { id: ADMIN_ID },
  team: { id: 'T0CORRIDOR' },
  view: { id: 'V2', type: 'modal', callback_id: 'retired_form', private_metadata: '', state: { values: {} } },
};

function messageEvent(id: string): object {
  const base = appHomeOpened(ADMIN_ID) as Record<string, unknown>;
  return { ...base, event_id: id, event: { type: 'message', channel: 'C0CORRIDOR', user: ADMIN_ID, text: 'hi', ts: '1700000000.000200' } };
}

async function count(kind: string, outcome: string): Promise<number> {
  const values = (await metrics.requests.get()).values;
  return values.find((value) => value.labels.kind === kind && value.labels.outcome === outcome)?.value ?? 0;
}

describe('payloads the bot does not handle', () => {
  it('acknowledges each at once and logs each kind once, however often it comes', async () => {
    const sends = [
      () => running.interaction(viewClosed),
      () => running.interaction(strangeType),
      () => running.interaction(unknownForm),
      () => running.interaction(buttonClick(ADMIN_ID, 'retired_button', 'x')),
      () => running.event({}),
    ];
    for (let round = 0; round < 3; round += 1) {
      for (const send of sends) {
        const started = Date.now();
        const response = await send();
        expect(response.status).toBe(200);
        // Slack's own limit; the bot must not wait for Bolt's 3 s no-ack timer.
        expect(Date.now() - started).toBeLessThan(3_000);
      }
      for (const [index, id] of ['EvA', 'EvB'].entries()) expect((await running.event(messageEvent(`${id}${round}${index}`))).status).toBe(200);
    }
    await running.corridor.idle();
    const notes = logger.lines.filter((line) => line.includes('does not handle'));
    expect(notes).toHaveLength(6);
    for (const kind of ['view_closed', 'something_new', 'form retired_form', 'button retired_button', 'unknown (no type)', 'event message']) {
      expect(notes.filter((line) => line.includes(kind)), kind).toHaveLength(1);
    }
  });
});

describe('request metrics', () => {
  it('counts requests by kind and outcome and times their acknowledgement', async () => {
    const commandsBefore = await count('command', 'ok');
    const acksBefore = (await metrics.ackSeconds.get()).values.find((v) => v.metricName === 'corridor_slack_ack_seconds_count' && v.labels.kind === 'command')?.value ?? 0;
    await running.command('pending');
    await running.command('help');
    await running.corridor.idle();
    expect(await count('command', 'ok')).toBe(commandsBefore + 2);
    const acksAfter = (await metrics.ackSeconds.get()).values.find((v) => v.metricName === 'corridor_slack_ack_seconds_count' && v.labels.kind === 'command')?.value ?? 0;
    expect(acksAfter).toBe(acksBefore + 2);
  });

  it('handles an event Slack delivers twice only once, counting the second as a duplicate', async () => {
    const duplicatesBefore = await count('event', 'duplicate');
    const event = appHomeOpened(ADMIN_ID);
    expect((await running.event(event)).status).toBe(200);
    expect((await running.event(event)).status).toBe(200);
    await running.corridor.idle();
    expect(running.slack.callsTo('views.publish')).toHaveLength(1);
    expect(await count('event', 'duplicate')).toBe(duplicatesBefore + 1);
  });

  it('counts a request whose listener failed as an error, and still acknowledges it', async () => {
    // A listener that throws before acknowledging, the worst case for Slack's 3 s.
    running.corridor.app.command('/corridor-broken', async () => {
      throw new Error('listener bug');
    });
    const errorsBefore = await count('command', 'error');
    const response = await running.command('pending', { command: '/corridor-broken' });
    expect(response.status).toBe(200);
    await running.corridor.idle();
    expect(await count('command', 'error')).toBe(errorsBefore + 1);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { metrics } from '../../src/ops/metrics.js';
import { ACTION_IDS } from '../../src/slack/interaction-ids.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startSocketCorridorApp, type RunningSocketCorridorApp } from '../support/corridor-app.js';
import { recordingLogger, type RecordingLogger } from '../support/recording-logger.js';
import { appHomeOpened, buttonClick } from '../support/slack-interactions.js';
import { slashCommandFields } from '../support/slack-signing.js';
import { envelopeId, type Envelope } from '../support/socket-mode-slack.js';

// An organisation behind a firewall runs Socket Mode: the same guard, metrics and de-duplication as over HTTP.

let running: RunningSocketCorridorApp;
let logger: RecordingLogger;

beforeAll(async () => {
  logger = recordingLogger();
  running = await startSocketCorridorApp({}, undefined, { logger });
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US' });
  running.slack.setUser({ id: 'U0ALICE', locale: 'en-US', real_name: 'Alice' });
});

afterAll(async () => {
  await running.close();
});

beforeEach(() => {
  running.slack.reset();
});

function envelope(type: Envelope['type'], payload: unknown, extra: Partial<Envelope> = {}): Envelope {
  return { type, envelope_id: envelopeId(), payload, accepts_response_payload: type !== 'events_api', ...extra };
}

async function count(kind: string, outcome: string): Promise<number> {
  const values = (await metrics.requests.get()).values;
  return values.find((value) => value.labels.kind === kind && value.labels.outcome === outcome)?.value ?? 0;
}

/** The counter's value as /metrics on HEALTH_PORT shows it, as Prometheus would scrape it. */
async function scraped(kind: string, outcome: string): Promise<number> {
  const response = await fetch(`${running.healthUrl}/metrics`);
  expect(response.status).toBe(200);
  const line = (await response.text()).split('\n').find((text) => text.startsWith(`corridor_slack_requests_total{kind="${kind}",outcome="${outcome}"}`));
  return line === undefined ? 0 : Number(line.split(' ')[1]);
}

describe('Socket Mode', () => {
  it('answers a command in its acknowledgement, and /metrics on HEALTH_PORT counts it', async () => {
    const before = await scraped('command', 'ok');
    const ack = await running.socket.deliver(envelope('slash_commands', slashCommandFields({ text: 'partner c2mi', user_id: 'U0ALICE' })));
    const reply = ack.payload as { response_type: string; text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]).toMatchObject({ type: 'header', text: { text: 'C2MI' } });
    expect(blockKitViolations(reply.blocks as never, 'message')).toEqual([]);
    await running.corridor.idle();
    expect(await scraped('command', 'ok')).toBe(before + 1);
    expect((await fetch(`${running.healthUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.healthUrl}/readyz`)).status).toBe(200);
  });

  it('opens the contact-log form on a click', async () => {
    const ack = await running.socket.deliver(envelope('interactive', buttonClick(ADMIN_ID, ACTION_IDS.logContact, 'cmc-microsystems')));
    expect(ack.payload ?? {}).toEqual({});
    await running.corridor.idle();
    const opened = running.slack.callsTo('views.open');
    expect(opened).toHaveLength(1);
    expect(JSON.stringify(opened[0]!.args.view)).toContain('cmc-microsystems');
  });

  it('handles an event Slack retries only once, counting the retry as a duplicate', async () => {
    const duplicatesBefore = await count('event', 'duplicate');
    const event = appHomeOpened(ADMIN_ID);
    await running.socket.deliver(envelope('events_api', event, { retry_attempt: 0, retry_reason: '' }));
    await running.socket.deliver(envelope('events_api', event, { retry_attempt: 1, retry_reason: 'timeout' }));
    await running.corridor.idle();
    expect(running.slack.callsTo('views.publish')).toHaveLength(1);
    expect(await count('event', 'duplicate')).toBe(duplicatesBefore + 1);
  });

  it('acknowledges malformed envelopes without a crash, counts them, and keeps answering', async () => {
    const rejectedBefore = await count('unknown', 'rejected');
    const events = envelopeId();
    const commands = envelopeId();
    const interactions = envelopeId();
    const acks = [
      await running.socket.sendRaw(JSON.stringify({ type: 'events_api', envelope_id: events, payload: null, accepts_response_payload: false }), events),
      await running.socket.sendRaw(JSON.stringify({ type: 'events_api', envelope_id: commands, payload: { event: null } }), commands),
      await running.socket.sendRaw(JSON.stringify({ type: 'interactive', envelope_id: interactions, payload: [1, 2] }), interactions),
    ];
    expect(acks.map((ack) => ack?.envelope_id)).toEqual([events, commands, interactions]);
    // Nothing to acknowledge in these two: the command after them is answered all the same, and read after them.
    await running.socket.sendRaw('null');
    await running.socket.sendRaw('{"type":');
    const ack = await running.socket.deliver(envelope('slash_commands', slashCommandFields({ text: 'help', user_id: 'U0ALICE' })));
    expect(JSON.stringify(ack.payload)).toContain('/corridor');
    expect(await count('unknown', 'rejected')).toBe(rejectedBefore + 5);
    // Logged once per kind of fault: two payloads that are not objects, an event without a type, null, broken JSON.
    expect(logger.lines.filter((line) => line.includes('Socket Mode envelope with'))).toHaveLength(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metrics } from '../../../src/ops/metrics.js';
import { SIGNING_SECRET, startCorridorApp, type RunningCorridorApp } from '../../support/corridor-app.js';
import { recordingLogger, type RecordingLogger } from '../../support/recording-logger.js';
import { postSigned, slashCommandBody } from '../../support/slack-signing.js';

// Bodies Bolt's receiver assumes are objects: signed, they reach its parser, which used to end the process.

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const BAD_BODIES = [
  { body: 'payload=null', contentType: FORM },
  { body: 'null', contentType: JSON_TYPE },
  { body: '42', contentType: JSON_TYPE },
  { body: '[]', contentType: JSON_TYPE },
  { body: 'payload=%5B1%2C2%5D', contentType: FORM },
  // As many HTTP clients write the form's type.
  { body: 'payload=null', contentType: `${FORM}; charset=utf-8` },
  { body: 'payload=null', contentType: 'Application/X-WWW-Form-Urlencoded; Charset="UTF-8"' },
];

let running: RunningCorridorApp;
let logger: RecordingLogger;

beforeAll(async () => {
  logger = recordingLogger();
  running = await startCorridorApp({}, undefined, { logger });
});

afterAll(async () => {
  await running.close();
});

async function rejectedCount(): Promise<number> {
  const values = (await metrics.requests.get()).values;
  return values.find((value) => value.labels.kind === 'unknown' && value.labels.outcome === 'rejected')?.value ?? 0;
}

describe('a signed body that is not a JSON object', () => {
  it('is answered 400, counted as rejected, and the app keeps answering commands', async () => {
    const before = await rejectedCount();
    for (const { body, contentType } of BAD_BODIES) {
      const response = await postSigned(running.eventsUrl, body, { signingSecret: SIGNING_SECRET, contentType });
      expect(response.status, body).toBe(400);
    }
    expect(await rejectedCount()).toBe(before + BAD_BODIES.length);
    // Logged once, not once per request.
    expect(logger.lines.filter((line) => line.includes('not a JSON object'))).toHaveLength(1);

    const pending = await running.command('pending');
    expect(pending.status).toBe(200);
    expect(pending.json).toMatchObject({ response_type: 'ephemeral' });
  });

  it('is still answered 401 when unsigned or forged', async () => {
    const unsigned = await postSigned(running.eventsUrl, 'payload=null', { signingSecret: SIGNING_SECRET, omitSignature: true });
    expect(unsigned.status).toBe(401);
    const forged = await postSigned(running.eventsUrl, 'null', { signingSecret: 'not-the-secret', contentType: JSON_TYPE });
    expect(forged.status).toBe(401);
  });

  it('reads a form sent with `; charset=utf-8` as Slack’s own: a slash command is answered', async () => {
    const response = await postSigned(running.eventsUrl, slashCommandBody({ text: 'pending' }), { signingSecret: SIGNING_SECRET, contentType: `${FORM}; charset=utf-8` });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ response_type: 'ephemeral' });
  });

  it('leaves malformed JSON to Bolt, which answers 400', async () => {
    const response = await postSigned(running.eventsUrl, 'payload=%7Bnot-json', { signingSecret: SIGNING_SECRET });
    expect(response.status).toBe(400);
  });
});

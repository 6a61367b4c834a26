/**
 * What a Socket Mode message is, read before Slack's client does. The client assumes every message
 * is an object whose `payload` is one (an `events_api` payload with an `event` that has a `type`):
 * otherwise it reads a property of null in a promise nobody awaits, which ends the process, or it
 * hands Bolt a body that is not an object. See https://docs.slack.dev/apis/events-api/using-socket-mode.
 */
export type EnvelopeShape =
  | { kind: 'sound' }
  /** `envelopeId` is set when the envelope can still be acknowledged, so Slack does not send it again. */
  | { kind: 'malformed'; envelopeId: string | undefined; reason: string };

type Json = Record<string, unknown>;

/** Messages the connection itself uses, which carry no request. */
const CONNECTION_MESSAGES = new Set(['hello', 'disconnect']);

const SOUND: EnvelopeShape = { kind: 'sound' };

export function screenEnvelope(text: string): EnvelopeShape {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return malformed(undefined, 'not JSON');
  }
  if (!isObject(envelope)) return malformed(undefined, 'not a JSON object');
  const envelopeId = typeof envelope.envelope_id === 'string' && envelope.envelope_id !== '' ? envelope.envelope_id : undefined;
  if (typeof envelope.type !== 'string') return malformed(envelopeId, 'no type');
  if (CONNECTION_MESSAGES.has(envelope.type)) return SOUND;
  if (envelopeId === undefined) return malformed(undefined, 'no envelope_id');
  const payload = envelope.payload;
  if (!isObject(payload)) return malformed(envelopeId, 'a payload that is not a JSON object');
  if (envelope.type === 'events_api' && !(isObject(payload.event) && typeof payload.event.type === 'string')) {
    return malformed(envelopeId, 'an event without a type');
  }
  return SOUND;
}

function malformed(envelopeId: string | undefined, reason: string): EnvelopeShape {
  return { kind: 'malformed', envelopeId, reason };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

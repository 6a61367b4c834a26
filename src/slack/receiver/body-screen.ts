import type { IncomingMessage } from 'node:http';
import { HTTPModuleFunctions, type BufferedIncomingMessage } from '@slack/bolt';

const FORM = 'application/x-www-form-urlencoded';

export type BodyShape = 'object' | 'malformed' | 'not-an-object';

/**
 * Reads a buffered body as Bolt will. Bolt assumes the result is an object: `null` (as `payload=null`
 * or a JSON body) makes its receiver read a property of null in a promise nobody awaits, which ends
 * the process. Malformed JSON Bolt already answers 400 itself.
 */
export function screenBody(request: BufferedIncomingMessage): BodyShape {
  // A form without a `payload` field (a slash command) always reads as an object: no need to parse it twice.
  if (isForm(request) && !mayHavePayload(request.rawBody.toString())) return 'object';
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(request);
  } catch {
    return 'malformed';
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? 'object' : 'not-an-object';
}

function isForm(request: BufferedIncomingMessage): boolean {
  return request.headers['content-type'] === FORM;
}

/**
 * Bolt reads a body as a form only under exactly `application/x-www-form-urlencoded`; real clients
 * also send it in capitals or with `; charset=utf-8`. Those are rewritten to Bolt's spelling, so
 * the screen and Bolt read the body alike (another charset is left as sent: not a form for Bolt).
 */
export function normaliseFormType(request: IncomingMessage): void {
  const [type, ...parameters] = (request.headers['content-type'] ?? '').toLowerCase().split(';').map((part) => part.replace(/[\s"]/g, ''));
  if (type !== FORM || parameters.some((parameter) => parameter !== '' && parameter !== 'charset=utf-8')) return;
  request.headers['content-type'] = FORM;
}

/** Whether a field could decode to `payload`: named so, or with an escaped name (read the slow way). */
function mayHavePayload(form: string): boolean {
  for (const pair of form.split('&')) {
    const end = pair.indexOf('=');
    const name = end < 0 ? pair : pair.slice(0, end);
    if (name === 'payload' || name.includes('%') || name.includes('+')) return true;
  }
  return false;
}

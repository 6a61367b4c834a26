import { HTTPModuleFunctions, type BufferedIncomingMessage } from '@slack/bolt';

export type BodyShape = 'object' | 'malformed' | 'not-an-object';

/**
 * Reads a buffered body as Bolt will. Bolt assumes the result is an object: `null` (as `payload=null`
 * or a JSON body) makes its receiver read a property of null in a promise nobody awaits, which ends
 * the process. Malformed JSON Bolt already answers 400 itself.
 */
export function screenBody(request: BufferedIncomingMessage): BodyShape {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(request);
  } catch {
    return 'malformed';
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? 'object' : 'not-an-object';
}

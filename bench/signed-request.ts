import { Agent, request } from 'node:http';
import { SIGNING_SECRET } from '../tests/support/corridor-app.js';
import { signSlackRequest } from '../tests/support/slack-signing.js';

/**
 * Kept-alive connections through node:http, which costs the load generator a fraction of what
 * fetch does: with the generator and the app sharing two cores, a heavier client would slow
 * whichever app it measures and hide the gap between them.
 */
const agent = new Agent({ keepAlive: true });

/** What Slack does: sign, send, read the answer. Parsing the reply is Slack's work, not the app's. */
export function sendSigned(url: string, body: string): Promise<{ status: number }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
  };
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent, headers }, (response) => {
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
      response.resume();
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

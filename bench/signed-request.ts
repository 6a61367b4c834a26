import { SIGNING_SECRET } from '../tests/support/corridor-app.js';
import { signSlackRequest } from '../tests/support/slack-signing.js';

/** What Slack does: sign, send, read the answer. Parsing the reply is Slack's work, not the app's. */
export async function sendSigned(url: string, body: string): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
    },
    body,
  });
  await response.arrayBuffer();
  return response;
}

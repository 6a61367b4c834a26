/**
 * Sends signed `/corridor` commands to a running app, from a process of its own so that its
 * memory and CPU are not counted as the app's. Usage: load-generator.ts <events URL> <requests>
 * <concurrency> [response URL] [command text, for every request]. Prints one JSON line:
 * {"requests", "seconds", "failures", "latencies"} (milliseconds, one per request).
 */
import { slashCommandBody } from '../tests/support/slack-signing.js';
import { sendSigned } from './signed-request.js';

/** Read-only commands, in both languages, as people type them. */
const TEXTS = ['partners', 'pending', 'partner c2mi', 'events', 'actions', 'help', 'about', 'digest', 'partners --fr', 'partner udes --fr'];

const [url, requestsArg = '10000', concurrencyArg = '8', responseUrl, onlyText] = process.argv.slice(2);
if (!url) throw new Error('usage: load-generator.ts <events URL> [requests] [concurrency] [response URL] [text]');
const requests = Number(requestsArg);
// A response URL on the emulator, so that nothing could ever reach Slack itself.
const texts = onlyText ? [onlyText] : TEXTS;
const bodies = texts.map((text, index) => slashCommandBody({ text, user_id: `U0BENCH${index}`, ...(responseUrl ? { response_url: responseUrl } : {}) }));

let sent = 0;
let failures = 0;
const latencies: number[] = [];
const started = performance.now();
async function worker(): Promise<void> {
  while (sent < requests) {
    const body = bodies[sent % bodies.length]!;
    sent++;
    const before = performance.now();
    const response = await sendSigned(url!, body);
    latencies.push(performance.now() - before);
    if (response.status !== 200) failures++;
  }
}
await Promise.all(Array.from({ length: Number(concurrencyArg) }, worker));
console.log(JSON.stringify({ requests: sent, seconds: (performance.now() - started) / 1000, failures, latencies }));

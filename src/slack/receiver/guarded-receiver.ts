import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, type App, type CustomRoute, type Logger } from '@slack/bolt';
import type { UnknownPayloads } from '../unknown-payloads.js';
import { normaliseFormType, screenBody } from './body-screen.js';
import { answerUnrouted } from './route-server.js';
import { countRejected, loggingOptions, trackedApp, type ReceiverGuard } from './tracked-requests.js';

export const EVENTS_PATH = '/slack/events';

export interface GuardedReceiverOptions extends ReceiverGuard {
  signingSecret: string;
  port: number;
  /** Routes served beside /slack/events (health and metrics). */
  customRoutes?: CustomRoute[];
}

/**
 * Bolt's own HTTP receiver, with two guards: bodies that are not a JSON object are answered 400
 * before Bolt sees them (Bolt would crash on them), and every request is tracked (see trackRequests).
 */
export class GuardedReceiver extends HTTPReceiver {
  private log: Logger | undefined;

  constructor(private readonly guard: GuardedReceiverOptions) {
    super({
      signingSecret: guard.signingSecret,
      port: guard.port,
      endpoints: [EVENTS_PATH],
      customRoutes: guard.customRoutes ?? [],
      dispatchErrorHandler: answerUnrouted,
      ...loggingOptions(guard),
    });
    this.log = guard.logger;
    this.requestListener = screenRequests(this.requestListener, {
      signingSecret: guard.signingSecret,
      unknown: guard.unknown,
      logger: () => this.guardLogger(),
    });
  }

  override init(app: App): void {
    this.log ??= app.logger;
    super.init(trackedApp(app, this.guard, this.guardLogger()));
  }

  private guardLogger(): Logger {
    if (!this.log) throw new Error('GuardedReceiver used before App.init');
    return this.log;
  }
}

interface Screening {
  signingSecret: string;
  unknown: UnknownPayloads;
  logger: () => Logger;
}

function screenRequests(boltListener: RequestListener, screening: Screening): RequestListener {
  return (req, res) => {
    if (req.method !== 'POST' || !isEventsPath(req.url)) return boltListener(req, res);
    screen(req, res, boltListener, screening).catch((error: unknown) => {
      screening.logger().error(`Could not read a request to ${EVENTS_PATH}: ${String(error)}`);
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    });
  };
}

/** Whether Bolt routes this URL to /slack/events; the exact path, Slack's only form, needs no URL parsing. */
function isEventsPath(url = '/'): boolean {
  return url === EVENTS_PATH || new URL(url, 'http://localhost').pathname === EVENTS_PATH;
}

async function screen(req: IncomingMessage, res: ServerResponse, boltListener: RequestListener, screening: Screening): Promise<void> {
  let buffered;
  try {
    // Bolt reuses a body already buffered on the request, so reading it here costs nothing more.
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  } catch (error) {
    const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
    screening.logger().warn(tooLarge ? 'Refused a request body over the size limit' : `Could not read a request body: ${String(error)}`);
    HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
    return;
  }
  normaliseFormType(buffered);
  if (screenBody(buffered) !== 'not-an-object') {
    boltListener(buffered, res);
    return;
  }
  try {
    await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret: screening.signingSecret }, buffered);
  } catch {
    // Unsigned or forged: the same 401 Bolt gives, without saying more.
    HTTPModuleFunctions.buildNoBodyResponse(res, 401);
    return;
  }
  countRejected(screening.unknown, screening.logger(), 'rejected: not a JSON object', 'a signed body that is not a JSON object (answered 400)');
  HTTPModuleFunctions.buildNoBodyResponse(res, 400);
}

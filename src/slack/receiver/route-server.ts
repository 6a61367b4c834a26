import { HTTPModuleFunctions, HTTPReceiver, HTTPReceiverDeferredRequestError, type CustomRoute, type Logger, type ReceiverDispatchErrorHandlerArgs } from '@slack/bolt';

/**
 * Bolt's answer to a request no route takes (404) or whose route failed (500), logged with its
 * path only: the query may carry a secret (the calendar key of a HEAD, POST or OPTIONS on the feed).
 */
export function answerUnrouted({ error, logger, request, response }: ReceiverDispatchErrorHandlerArgs): void {
  const where = `(${request.method}) made to ${new URL(request.url ?? '/', 'http://localhost').pathname}`;
  const unrouted = error instanceof HTTPReceiverDeferredRequestError;
  if (unrouted) logger.info(`Unhandled HTTP request ${where}`);
  else logger.error(`An unexpected error occurred during a request ${where}`);
  HTTPModuleFunctions.buildNoBodyResponse(response, unrouted ? 404 : 500);
}

/**
 * The routes beside Slack's (health, metrics, calendars, Notion's webhooks) on their own port, for
 * Socket Mode: Bolt's HTTP receiver with no Slack endpoint, so they are routed and answered exactly
 * as beside /slack/events, and a port already taken rejects start() instead of ending the process.
 */
export function routeServer(customRoutes: CustomRoute[], logger: Logger): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: '',
    signatureVerification: false,
    endpoints: [],
    customRoutes,
    dispatchErrorHandler: answerUnrouted,
    logger,
  });
}

import type { AddressInfo } from 'node:net';
import { SocketModeReceiver, type App, type CustomRoute, type HTTPReceiver, type Logger, type webApi } from '@slack/bolt';
import { screenEnvelope } from './envelope-screen.js';
import { routeServer } from './route-server.js';
import { countRejected, loggingOptions, trackedApp, type ReceiverGuard } from './tracked-requests.js';

export interface GuardedSocketReceiverOptions extends ReceiverGuard {
  appToken: string;
  /** For apps.connections.open: the same API URL, time-out and retries as the bot's client. */
  clientOptions: webApi.WebClientOptions;
  /** HEALTH_PORT: where the routes beside Slack's listen (0 for any free port). */
  port: number;
  customRoutes: CustomRoute[];
}

type MessageListener = (data: string | ArrayBuffer, isBinary: boolean) => unknown;

/**
 * Bolt's Socket Mode receiver with what its HTTP one has (see GuardedReceiver): envelopes that would
 * crash Slack's client are acknowledged and counted before it reads them, every request is tracked
 * (metrics, Slack's retries handled once through the database), and /healthz, /readyz, /metrics and
 * the other routes beside Slack's are served on HEALTH_PORT.
 */
export class GuardedSocketReceiver extends SocketModeReceiver {
  private log: Logger | undefined;
  private beside: HTTPReceiver | undefined;
  private listeningOn: number | undefined;

  constructor(private readonly guard: GuardedSocketReceiverOptions) {
    super({ appToken: guard.appToken, installerOptions: { clientOptions: guard.clientOptions }, ...loggingOptions(guard) });
    this.log = guard.logger;
    this.screenEnvelopes();
  }

  override init(app: App): void {
    this.log ??= app.logger;
    super.init(trackedApp(app, this.guard, this.log));
    this.beside = routeServer(this.guard.customRoutes, this.log);
  }

  /** Listens on HEALTH_PORT first, so a probe has an answer while Slack is still being reached. */
  override async start(): ReturnType<SocketModeReceiver['start']> {
    const server = await this.beside?.start(this.guard.port);
    this.listeningOn = (server?.address() as AddressInfo | null)?.port;
    return super.start();
  }

  override async stop(): Promise<void> {
    await this.client.disconnect();
    if (this.listeningOn !== undefined) await this.beside?.stop();
    this.listeningOn = undefined;
  }

  /** The port the routes beside Slack's listen on, once started. */
  get healthPort(): number | undefined {
    return this.listeningOn;
  }

  /** Puts the screen in front of the client's own reading of each WebSocket message. */
  private screenEnvelopes(): void {
    const readers = this.client.listeners('ws_message') as MessageListener[];
    this.client.removeAllListeners('ws_message');
    this.client.on('ws_message', (data: string | ArrayBuffer, isBinary: boolean) => {
      if (!isBinary && !this.sound(typeof data === 'string' ? data : new TextDecoder().decode(data))) return;
      for (const read of readers) void read.call(this.client, data, isBinary);
    });
  }

  /** Whether the client may read the message; a malformed envelope is acknowledged, so Slack does not send it again. */
  private sound(text: string): boolean {
    const shape = screenEnvelope(text);
    if (shape.kind === 'sound') return true;
    const logger = this.guardLogger();
    countRejected(this.guard.unknown, logger, `rejected: envelope with ${shape.reason}`, `a Socket Mode envelope with ${shape.reason} (acknowledged)`);
    if (shape.envelopeId !== undefined) {
      this.client.websocket?.send(JSON.stringify({ envelope_id: shape.envelopeId, payload: {} }), (error) => {
        if (error) logger.debug(`Could not acknowledge a malformed envelope: ${error.message}`);
      });
    }
    return false;
  }

  private guardLogger(): Logger {
    if (!this.log) throw new Error('GuardedSocketReceiver used before App.init');
    return this.log;
  }
}

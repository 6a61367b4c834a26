import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Slack's side of a Socket Mode connection, on loopback: the `wss://` URL that apps.connections.open
 * hands out (see the Slack API emulator's setSocketModeUrl), speaking WebSocket (RFC 6455) as Slack
 * does. It greets each connection with `hello`, delivers envelopes, answers pings, and records what
 * the app sends back: an acknowledgement is `{ envelope_id, payload }`.
 * https://docs.slack.dev/apis/events-api/using-socket-mode
 */

export interface Envelope {
  type: 'events_api' | 'slash_commands' | 'interactive' | string;
  envelope_id: string;
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface Acknowledgement {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface SocketModeSlack {
  /** The WebSocket URL, for the Slack API emulator's apps.connections.open. */
  readonly url: string;
  /** Resolves once an app has connected and been greeted. */
  connected(): Promise<void>;
  /** Delivers an envelope; resolves with the app's acknowledgement of it. */
  deliver(envelope: Envelope): Promise<Acknowledgement>;
  /** Sends raw text as one message (for malformed envelopes); resolves with its acknowledgement if one comes within `waitMs`. */
  sendRaw(text: string, envelopeId?: string, waitMs?: number): Promise<Acknowledgement | undefined>;
  /** Every message the app sent, parsed. */
  readonly received: readonly unknown[];
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const TEXT = 0x1;
const CLOSE = 0x8;
const PING = 0x9;
const PONG = 0xa;
const ACK_WAIT_MS = 5_000;

let envelopeCount = 0;

/** A fresh envelope ID, shaped like Slack's. */
export function envelopeId(): string {
  envelopeCount += 1;
  return `e0c1b2a3-0000-4000-8000-${String(envelopeCount).padStart(12, '0')}`;
}

export async function startSocketModeSlack(): Promise<SocketModeSlack> {
  const slack = new LoopbackSocketModeSlack();
  await slack.listen();
  return slack;
}

class LoopbackSocketModeSlack implements SocketModeSlack {
  readonly received: unknown[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly waiting = new Map<string, (ack: Acknowledgement) => void>();
  private readonly greeted: Array<() => void> = [];
  private origin = '';
  private readonly server = createServer((_req, res) => res.writeHead(426).end());

  constructor() {
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket) => this.accept(req, socket));
  }

  get url(): string {
    return `${this.origin}/link/?ticket=corridor-test`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  connected(): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.greeted.push(resolve));
  }

  deliver(envelope: Envelope): Promise<Acknowledgement> {
    const answered = this.acknowledgementOf(envelope.envelope_id, ACK_WAIT_MS);
    this.broadcast(JSON.stringify(envelope));
    return answered.then((ack) => {
      if (!ack) throw new Error(`envelope ${envelope.envelope_id} (${envelope.type}) was not acknowledged within ${ACK_WAIT_MS} ms`);
      return ack;
    });
  }

  sendRaw(text: string, envelopeId?: string, waitMs = 500): Promise<Acknowledgement | undefined> {
    const answered = envelopeId === undefined ? Promise.resolve(undefined) : this.acknowledgementOf(envelopeId, waitMs);
    this.broadcast(text);
    return answered;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private acknowledgementOf(id: string, waitMs: number): Promise<Acknowledgement | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, waitMs);
      this.waiting.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
  }

  private broadcast(text: string): void {
    for (const socket of this.sockets) socket.write(frame(TEXT, Buffer.from(text)));
  }

  private accept(req: IncomingMessage, socket: Socket): void {
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    readFrames(socket, (opcode, payload) => this.onFrame(socket, opcode, payload));
    // Slack's first message on every connection; the client counts as connected only once it arrives.
    socket.write(frame(TEXT, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0CORRIDOR' } }))));
    for (const resolve of this.greeted.splice(0)) resolve();
  }

  private onFrame(socket: Socket, opcode: number, payload: Buffer): void {
    if (opcode === PING) socket.write(frame(PONG, payload));
    else if (opcode === CLOSE) socket.end(frame(CLOSE, payload.subarray(0, 2)));
    else if (opcode === TEXT) this.onMessage(payload.toString('utf8'));
  }

  private onMessage(text: string): void {
    const message = JSON.parse(text) as Acknowledgement;
    this.received.push(message);
    const resolve = this.waiting.get(message.envelope_id);
    if (!resolve) return;
    this.waiting.delete(message.envelope_id);
    resolve(message);
  }
}

/** A server frame: final, unmasked. */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Reads the client's frames (always masked, as RFC 6455 requires); fragments are joined. */
function readFrames(socket: Socket, onFrame: (opcode: number, payload: Buffer) => void): void {
  let buffered = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let fragmentedOpcode = 0;
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const parsed = parseFrame(buffered);
      if (!parsed) return;
      buffered = buffered.subarray(parsed.size);
      if (parsed.opcode >= CLOSE) onFrame(parsed.opcode, parsed.payload);
      else {
        if (parsed.opcode !== 0) fragmentedOpcode = parsed.opcode;
        fragments.push(parsed.payload);
        if (parsed.final) {
          onFrame(fragmentedOpcode, Buffer.concat(fragments));
          fragments = [];
        }
      }
    }
  });
}

function parseFrame(data: Buffer): { final: boolean; opcode: number; payload: Buffer; size: number } | undefined {
  if (data.length < 2) return undefined;
  const final = (data[0]! & 0x80) !== 0;
  const opcode = data[0]! & 0x0f;
  const masked = (data[1]! & 0x80) !== 0;
  let length = data[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return undefined;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return undefined;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (data.length < offset + length) return undefined;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  if (masked) for (let index = 0; index < payload.length; index += 1) payload[index]! ^= data[maskOffset + (index % 4)]!;
  return { final, opcode, payload, size: offset + length };
}

import { inspect } from 'node:util';
import { LogLevel, type Logger } from '@slack/bolt';
import { pino, type DestinationStream } from 'pino';
import { REPLICA_ID } from './process-identity.js';
import { redactValue, scrubParts, scrubText, Shown } from './redact.js';

export interface LoggerOptions {
  /** text: Bolt's console lines; json: one object per line, for log collectors. */
  format: 'text' | 'json';
  /** Exact secret values to remove from every line (see knownSecrets). */
  secrets?: readonly string[];
  replica?: string;
  /** Where JSON lines go; standard output by default. Text lines go to the console, as Bolt's do. */
  destination?: DestinationStream;
  /** Called when standard output is closed under the JSON lines (EPIPE), after which pino writes nothing. */
  onOutputClosed?: () => void;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Record<Level, number> = { debug: 100, info: 200, warn: 300, error: 400 };

/** The app's logger, behind Bolt's Logger interface: Bolt, the Web API client and the jobs share it. */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = options.secrets ?? [];
  let level = LogLevel.INFO as LogLevel;
  let name = '';
  const write = options.format === 'json' ? jsonWriter(options, secrets) : textWriter;
  const at = (wanted: Level) => (...args: unknown[]) => {
    if (SEVERITY[wanted] < SEVERITY[level as Level]) return;
    write(wanted, name, args.map((arg) => redactValue(arg, secrets)), secrets);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}

type Writer = (level: Level, name: string, args: unknown[], secrets: readonly string[]) => void;

/** The same lines as Bolt's ConsoleLogger (`[INFO]  name message`), scrubbed. */
const textWriter: Writer = (level, name, args, secrets) => {
  console[level](`[${level.toUpperCase()}] `, name, scrubParts(args, show, secrets));
};

function jsonWriter(options: LoggerOptions, secrets: readonly string[]): Writer {
  // A line with a part to show is scrubbed around it (scrubParts), not again as a whole.
  let showing = false;
  const base = pino(
    {
      level: 'debug',
      base: { replica: options.replica ?? REPLICA_ID },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A last pass over the whole line: fields pino serialised itself (an error's own properties) included.
      hooks: { streamWrite: (line) => (showing ? line : scrubText(line, secrets)) },
    },
    options.destination ?? standardOutput(options.onOutputClosed),
  );
  return (level, name, args) => {
    // An error's stack goes in `err`; the message keeps its one-line summary.
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const message = scrubParts(args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : arg)), show, secrets);
    const fields = { ...(name ? { name } : {}), ...(error ? { err: error } : {}) };
    showing = args.some((arg) => arg instanceof Shown);
    try {
      base[level](fields, message);
    } finally {
      showing = false;
    }
  };
}

function standardOutput(onClosed: (() => void) | undefined): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false });
  destination.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') onClosed?.();
  });
  return destination;
}

function show(arg: unknown): string {
  return typeof arg === 'string' ? arg : inspect(arg, { depth: 4, breakLength: Infinity });
}

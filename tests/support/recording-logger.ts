import { LogLevel, type Logger } from '@slack/web-api';

export interface RecordingLogger extends Logger {
  /** Every line logged at warn or error, joined from its arguments. */
  readonly lines: string[];
  /** Every line logged, at any level, joined from its arguments. */
  readonly everything: string[];
}

/** A Logger that keeps warnings and errors, for asserting what the app logged and how often. */
export function recordingLogger(): RecordingLogger {
  let level = LogLevel.WARN;
  const lines: string[] = [];
  const everything: string[] = [];
  const note = (...parts: unknown[]): void => {
    everything.push(parts.map(String).join(' '));
  };
  const keep = (...parts: unknown[]): void => {
    note(...parts);
    lines.push(parts.map(String).join(' '));
  };
  const ignore = (): void => {};
  return {
    lines,
    everything,
    debug: note,
    info: note,
    warn: keep,
    error: keep,
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: ignore,
  };
}

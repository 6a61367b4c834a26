import { LogLevel, type Logger } from '@slack/web-api';

export interface RecordingLogger extends Logger {
  /** Every line logged at warn or error, joined from its arguments. */
  readonly lines: string[];
}

/** A Logger that keeps warnings and errors, for asserting what the app logged and how often. */
export function recordingLogger(): RecordingLogger {
  let level = LogLevel.WARN;
  const lines: string[] = [];
  const keep = (...parts: unknown[]): void => {
    lines.push(parts.map(String).join(' '));
  };
  const ignore = (): void => {};
  return {
    lines,
    debug: ignore,
    info: ignore,
    warn: keep,
    error: keep,
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: ignore,
  };
}

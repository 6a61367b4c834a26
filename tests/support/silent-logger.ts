import { LogLevel, type Logger } from '@slack/web-api';

/** A Logger for WebClient and Bolt that keeps expected retries and errors out of test output. */
export function silentLogger(): Logger {
  let level = LogLevel.ERROR;
  const ignore = (): void => {};
  return {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: ignore,
  };
}

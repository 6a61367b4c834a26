/** Set once the output is gone: nothing more is written, and the stop is asked for once. */
let stopping = false;

/**
 * Keeps the bot serving when a promise nobody awaits rejects, or an error escapes a callback: one
 * line in the log instead of a dead process and every later request lost. Such errors come from the
 * handling of one request or job; the server and the others carry on unaffected.
 *
 * Standard output or error closing under the process (`npm start | head -1`, a log shipper that
 * restarts) is the exception: every later line would fail, the line saying so too, at full CPU.
 * With nobody left to read it, the process is asked to stop as a supervisor would ask it, with
 * SIGTERM: the bot shuts down as then (start.ts), anything else ends.
 */
export function installProcessGuards(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): () => void {
  const say = (line: string): void => {
    if (!stopping) log(line);
  };
  const onRejection = (reason: unknown): void => say(`corridor-bot: unhandled rejection: ${describe(reason)}`);
  const onException = (error: unknown): void => say(`corridor-bot: uncaught exception: ${describe(error)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.stdout.on('error', outputClosed);
  process.stderr.on('error', outputClosed);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    process.stdout.off('error', outputClosed);
    process.stderr.off('error', outputClosed);
  };
}

/** The output is gone (also called by the JSON logger, which writes to it directly): stop, once. */
export function outputClosed(): void {
  if (stopping) return;
  stopping = true;
  process.kill(process.pid, 'SIGTERM');
}

function describe(reason: unknown): string {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return text.split('\n')[0] ?? '';
}

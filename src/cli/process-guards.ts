/**
 * Keeps the bot serving when a promise nobody awaits rejects, or an error escapes a callback: one
 * line in the log instead of a dead process and every later request lost. Such errors come from the
 * handling of one request or job; the server and the others carry on unaffected.
 */
export function installProcessGuards(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): () => void {
  const onRejection = (reason: unknown): void => log(`corridor-bot: unhandled rejection: ${describe(reason)}`);
  const onException = (error: unknown): void => {
    // Logging that the output is gone would fail the same way, for ever, at full CPU.
    if (isClosedOutput(error)) exitQuietly();
    else log(`corridor-bot: uncaught exception: ${describe(error)}`);
  };
  const onOutputError = (error: unknown): void => {
    if (isClosedOutput(error)) exitQuietly();
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.stdout.on('error', onOutputError);
  process.stderr.on('error', onOutputError);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    process.stdout.off('error', onOutputError);
    process.stderr.off('error', onOutputError);
  };
}

/**
 * The pipe the bot writes to was closed (`npm start | head -1`, a log shipper that restarts): nothing
 * it says can be read any more, so it stops, and whatever supervises it starts it again.
 */
function isClosedOutput(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

function exitQuietly(): never {
  process.exit(0);
}

function describe(reason: unknown): string {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return text.split('\n')[0] ?? '';
}

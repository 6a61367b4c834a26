/**
 * Keeps the bot serving when a promise nobody awaits rejects, or an error escapes a callback: one
 * line in the log instead of a dead process and every later request lost. Such errors come from the
 * handling of one request or job; the server and the others carry on unaffected.
 */
export function installProcessGuards(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): () => void {
  const onRejection = (reason: unknown): void => log(`corridor-bot: unhandled rejection: ${describe(reason)}`);
  const onException = (error: unknown): void => log(`corridor-bot: uncaught exception: ${describe(error)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

function describe(reason: unknown): string {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return text.split('\n')[0] ?? '';
}

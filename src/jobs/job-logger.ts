/** What the jobs log through: Bolt's logger fits, and so does the console. */
export interface JobLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * One line per message on stderr, prefixed like the CLI's own messages. Info lines are left out
 * unless asked for: the CLI says the outcome on stdout, and stderr stays for what needs a person.
 */
export function consoleJobLogger(stream: NodeJS.WritableStream = process.stderr, { verbose = false } = {}): JobLogger {
  const write = (level: string) => (message: string) => stream.write(`corridor-bot ${level}: ${message}\n`);
  return { info: verbose ? write('info') : () => {}, warn: write('warn'), error: write('error') };
}

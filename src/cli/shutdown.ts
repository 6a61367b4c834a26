/** One step of the shutdown sequence, given `share` of the deadline (shares are relative weights). */
export interface ShutdownStep {
  name: string;
  share: number;
  run(): Promise<unknown> | unknown;
  /** What is left undone when the step runs out of time, for the log line. */
  pending?(): string;
}

export interface ShutdownOptions {
  /** The whole sequence, in milliseconds; the process exits at this point whatever is still running. */
  deadlineMs: number;
  log(line: string): void;
  /** Ends the process when something still holds it open after the steps; process.exit by default. */
  exit?: () => void;
}

/** Left after the steps for buffered log lines to be written before a forced exit. */
const EXIT_GRACE_MS = 250;

/**
 * Runs the steps in order, each within its share of the deadline: a step that overruns is abandoned
 * (logged with what it left undone) and the next one starts, so a hanging Slack call cannot hold
 * the process. Resolves with the names of the abandoned steps.
 */
export async function shutDown(steps: readonly ShutdownStep[], options: ShutdownOptions): Promise<string[]> {
  const exit = options.exit ?? (() => process.exit());
  const stepsBudget = Math.max(0, options.deadlineMs - EXIT_GRACE_MS);
  const totalShare = steps.reduce((sum, step) => sum + step.share, 0) || 1;
  const hardStop = setTimeout(exit, options.deadlineMs);
  hardStop.unref();
  const abandoned: string[] = [];
  for (const step of steps) {
    const finished = await withinTime(step, (stepsBudget * step.share) / totalShare, options.log);
    if (!finished) abandoned.push(step.name);
  }
  clearTimeout(hardStop);
  // Abandoned work (a socket waiting on Slack) would keep the process alive: end it shortly.
  if (abandoned.length > 0) setTimeout(exit, EXIT_GRACE_MS).unref();
  return abandoned;
}

async function withinTime(step: ShutdownStep, budgetMs: number, log: (line: string) => void): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budgetMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(() => step.run()).then(() => 'done' as const), outOfTime]);
    if (outcome === 'done') return true;
    const left = step.pending?.();
    log(`Shutdown: abandoned "${step.name}" after ${Math.round(budgetMs)} ms${left ? ` (${left})` : ''}`);
    return false;
  } catch (error) {
    log(`Shutdown: "${step.name}" failed: ${firstLine(error)}`);
    return true;
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

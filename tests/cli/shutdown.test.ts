import { describe, expect, it, vi } from 'vitest';
import { shutDown, type ShutdownStep } from '../../src/cli/shutdown.js';

function never(): Promise<void> {
  return new Promise(() => {});
}

describe('shutDown', () => {
  it('runs the steps in order and abandons one that overruns its share, naming what it left', async () => {
    const ran: string[] = [];
    const lines: string[] = [];
    const exit = vi.fn();
    const steps: ShutdownStep[] = [
      { name: 'stop', share: 1, run: () => void ran.push('stop') },
      { name: 'drain', share: 2, run: () => (ran.push('drain'), never()), pending: () => '2 request(s) still running' },
      { name: 'close', share: 1, run: async () => void ran.push('close') },
    ];
    const started = Date.now();
    const abandoned = await shutDown(steps, { deadlineMs: 650, log: (line) => lines.push(line), exit });
    const elapsed = Date.now() - started;

    expect(ran).toEqual(['stop', 'drain', 'close']);
    expect(abandoned).toEqual(['drain']);
    expect(lines).toEqual([expect.stringMatching(/^Shutdown: abandoned "drain" after 200 ms \(2 request\(s\) still running\)$/)]);
    // Its share of the 400 ms left for steps, not the whole deadline.
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(650);
    // The hanging work would hold the process open: it is ended shortly after.
    await vi.waitFor(() => expect(exit).toHaveBeenCalledTimes(1));
  });

  it('logs a step that fails and carries on with the next', async () => {
    const lines: string[] = [];
    const exit = vi.fn();
    const closed = vi.fn();
    const abandoned = await shutDown(
      [
        { name: 'stop', share: 1, run: () => Promise.reject(new Error('server already stopped\nstack')) },
        { name: 'close', share: 1, run: closed },
      ],
      { deadlineMs: 1_000, log: (line) => lines.push(line), exit },
    );
    expect(abandoned).toEqual([]);
    expect(closed).toHaveBeenCalledOnce();
    expect(lines).toEqual(['Shutdown: "stop" failed: server already stopped']);
    expect(exit).not.toHaveBeenCalled();
  });
});

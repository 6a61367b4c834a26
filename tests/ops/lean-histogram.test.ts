import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LeanHistogram } from '../../src/ops/lean-histogram.js';

const BOUNDS = [0.005, 0.01, 0.025];
const OBSERVED = [0.003, 0.005, 0.02, 7];

describe('a lean histogram', () => {
  it('prints what prom-client’s own histogram prints for the same observations', async () => {
    const lean = new Registry();
    const ours = new LeanHistogram('ack_seconds', 'Time to acknowledge', 'kind', BOUNDS, lean);
    const reference = new Registry();
    const theirs = new Histogram({ name: 'ack_seconds', help: 'Time to acknowledge', labelNames: ['kind'], buckets: BOUNDS, registers: [reference] });
    for (const seconds of OBSERVED) {
      ours.labels('command').observe(seconds);
      theirs.observe({ kind: 'command' }, seconds);
    }
    ours.labels('view').observe(0.01);
    theirs.observe({ kind: 'view' }, 0.01);
    expect(await lean.metrics()).toBe(await reference.metrics());
    expect(await lean.metrics()).toMatch(/^ack_seconds_bucket\{le="0.005",kind="command"\} 2$/m);
  });

  it('starts again from zero when the registry is reset', async () => {
    const registry = new Registry();
    const ours = new LeanHistogram('ack_seconds', 'Time to acknowledge', 'kind', BOUNDS, registry);
    ours.labels('command').observe(0.02);
    registry.resetMetrics();
    expect(await registry.metrics()).toMatch(/^ack_seconds_count\{kind="command"\} 0$/m);
  });
});

import type { Metric, Registry } from 'prom-client';

interface Series {
  labels: Record<string, string>;
  /** Observations per bucket (not cumulative), the last one above every bound (+Inf). */
  counts: number[];
  sum: number;
  count: number;
}

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * A histogram with one label, observed per request at the cost of a few array writes, and read by
 * prom-client's registry (the same text and JSON as its Histogram) at scrape time. prom-client's own
 * observe hashes the labels and keys its buckets by float on every call: several microseconds a
 * request, where Slack's commands are answered in tens of them.
 */
export class LeanHistogram {
  /** What the registry prints after `# TYPE` (prom-client's typings say an enum; its code reads this string). */
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelName: string,
    private readonly bounds: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  /** The series of one label value, to observe into without looking it up again. */
  labels(value: string): { observe(seconds: number): void } {
    let series = this.series.get(value);
    if (!series) {
      series = { labels: { [this.labelName]: value }, counts: new Array<number>(this.bounds.length + 1).fill(0), sum: 0, count: 0 };
      this.series.set(value, series);
    }
    const { bounds } = this;
    const bound = series;
    return {
      observe(seconds: number): void {
        let index = 0;
        while (index < bounds.length && seconds > bounds[index]!) index++;
        bound.counts[index]!++;
        bound.sum += seconds;
        bound.count++;
      },
    };
  }

  async get(): Promise<{ name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: Sample[] }> {
    const values: Sample[] = [];
    for (const { labels, counts, sum, count } of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((le, index) => {
        cumulative += counts[index]!;
        values.push({ metricName: `${this.name}_bucket`, labels: { le, ...labels }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...labels }, value: count });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum }, { metricName: `${this.name}_count`, labels, value: count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    for (const series of this.series.values()) {
      series.counts.fill(0);
      series.sum = 0;
      series.count = 0;
    }
  }
}

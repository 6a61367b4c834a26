export interface BoundedMapLimits<V> {
  /** At most this many entries. */
  entries: number;
  /** At most this many bytes in all, as `sizeOf` counts them; no bound by default. */
  bytes?: number;
  /** An entry's size in bytes, key included: counted once, when it is set. */
  sizeOf?: (key: string, value: V) => number;
}

/**
 * A map that forgets its least recently used entries past a number of entries and a number of
 * bytes, so what is kept for repeated requests costs bounded memory however many distinct
 * requests come, and however large their answers.
 */
export class BoundedMap<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;
  private readonly limits: Required<BoundedMapLimits<V>>;

  constructor(limits: number | BoundedMapLimits<V>) {
    const given = typeof limits === 'number' ? { entries: limits } : limits;
    this.limits = { bytes: Infinity, sizeOf: () => 0, ...given };
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: moving the hit to the end makes the first key the least recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.limits.sizeOf(key, value);
    // An entry larger than the whole bound is not kept at all.
    if (bytes > this.limits.bytes) return;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    while (this.entries.size > this.limits.entries || this.totalBytes > this.limits.bytes) this.delete(this.entries.keys().next().value!);
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the entries weigh, as `sizeOf` counts them. */
  get bytes(): number {
    return this.totalBytes;
  }
}

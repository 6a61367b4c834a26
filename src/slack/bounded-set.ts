/**
 * A set that forgets its oldest entries past a limit, so remembering what was seen (payload kinds,
 * event ids) costs bounded memory however long the process runs.
 */
export class BoundedSet {
  private readonly entries = new Set<string>();

  constructor(private readonly limit: number) {}

  /** Adds the key; true when it was not there yet. */
  add(key: string): boolean {
    if (this.entries.has(key)) return false;
    this.entries.add(key);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.values().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return true;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }
}

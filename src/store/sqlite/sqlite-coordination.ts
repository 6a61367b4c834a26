import type Database from 'better-sqlite3';
import { DeliveryMemory, type Coordination } from '../coordination.js';
import { USER_WRITE_PATIENCE_MS, whenNotBusy } from './busy-retry.js';

/** Coordination in the SQLite file: each statement runs under the file's write lock. */
export class SqliteCoordination implements Coordination {
  private readonly insertDelivery: Database.Statement<[string, string]>;
  private readonly forgetDeliveries: Database.Statement<[string]>;
  private readonly selectDelivery: Database.Statement<[string], { key: string }>;
  private readonly takeLease: Database.Statement<[{ name: string; holder: string; until: string; now: string }], { holder: string }>;
  private readonly dropLease: Database.Statement<[string, string]>;
  private readonly selectLease: Database.Statement<[string, string], { holder: string }>;
  private readonly touchViewer: Database.Statement<[string, string]>;
  private readonly selectViewers: Database.Statement<[number], { user_id: string }>;
  private readonly deliveries = new DeliveryMemory();

  constructor(
    db: Database.Database,
    private readonly patienceMs = USER_WRITE_PATIENCE_MS,
  ) {
    this.insertDelivery = db.prepare('INSERT INTO deliveries (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
    this.forgetDeliveries = db.prepare('DELETE FROM deliveries WHERE seen_at < ?');
    this.selectDelivery = db.prepare('SELECT key FROM deliveries WHERE key = ?');
    this.takeLease = db.prepare(
      `INSERT INTO leases (name, holder, until) VALUES (@name, @holder, @until)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE leases.holder = excluded.holder OR leases.until < @now
       RETURNING holder`,
    );
    this.dropLease = db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
    this.selectLease = db.prepare('SELECT holder FROM leases WHERE name = ? AND until >= ?');
    this.touchViewer = db.prepare(
      'INSERT INTO home_viewers (user_id, seen_at) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at',
    );
    this.selectViewers = db.prepare('SELECT user_id FROM home_viewers ORDER BY seen_at DESC, user_id LIMIT ?');
  }

  async firstDelivery(key: string, at: Date): Promise<boolean> {
    const first = await this.whenFree(() => this.insertDelivery.run(key, at.toISOString()).changes === 1);
    const before = first ? this.deliveries.forgetBefore(at) : undefined;
    // Forgetting old deliveries is housekeeping: a busy database just leaves it to the next time.
    if (before) await this.whenFree(() => this.forgetDeliveries.run(before.toISOString())).catch(() => undefined);
    return first;
  }

  async delivered(key: string): Promise<boolean> {
    return this.selectDelivery.get(key) !== undefined;
  }

  async acquireLease(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + ttlMs).toISOString();
    return (await this.whenFree(() => this.takeLease.get({ name, holder, until, now: now.toISOString() }))) !== undefined;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.whenFree(() => this.dropLease.run(name, holder));
  }

  async leaseHolder(name: string, now: Date): Promise<string | undefined> {
    return this.selectLease.get(name, now.toISOString())?.holder;
  }

  async rememberHomeViewer(userId: string, at: Date): Promise<void> {
    await this.whenFree(() => this.touchViewer.run(userId, at.toISOString()));
  }

  async recentHomeViewers(limit: number): Promise<string[]> {
    return this.selectViewers.all(limit).map((row) => row.user_id);
  }

  private whenFree<T>(write: () => T): Promise<T> {
    return whenNotBusy(write, this.patienceMs);
  }
}

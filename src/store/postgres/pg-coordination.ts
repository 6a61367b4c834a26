import { DeliveryMemory, type Coordination } from '../coordination.js';
import type { PgDatabase } from './pg-database.js';

/** Coordination in PostgreSQL: each call is one statement, atomic on the row it touches. */
export class PgCoordination implements Coordination {
  private readonly deliveries = new DeliveryMemory();

  constructor(private readonly db: PgDatabase) {}

  async firstDelivery(key: string, at: Date): Promise<boolean> {
    const inserted = await this.db.rows('INSERT INTO deliveries (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING 1', [key, at]);
    const first = inserted.length === 1;
    const before = first ? this.deliveries.forgetBefore(at) : undefined;
    if (before) await this.db.rows('DELETE FROM deliveries WHERE seen_at < $1', [before]);
    return first;
  }

  async delivered(key: string): Promise<boolean> {
    return (await this.db.rows('SELECT 1 FROM deliveries WHERE key = $1', [key])).length === 1;
  }

  async acquireLease(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const rows = await this.db.rows(
      `INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE leases.holder = excluded.holder OR leases.until < $4
       RETURNING holder`,
      [name, holder, new Date(now.getTime() + ttlMs), now],
    );
    return rows.length === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.db.rows('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  }

  async leaseHolder(name: string, now: Date): Promise<string | undefined> {
    return (await this.db.row<{ holder: string }>('SELECT holder FROM leases WHERE name = $1 AND until >= $2', [name, now]))?.holder;
  }

  async rememberHomeViewer(userId: string, at: Date): Promise<void> {
    await this.db.rows(
      'INSERT INTO home_viewers (user_id, seen_at) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at',
      [userId, at],
    );
  }

  async recentHomeViewers(limit: number): Promise<string[]> {
    const rows = await this.db.rows<{ user_id: string }>('SELECT user_id FROM home_viewers ORDER BY seen_at DESC, user_id COLLATE "C" LIMIT $1', [limit]);
    return rows.map((row) => row.user_id);
  }
}

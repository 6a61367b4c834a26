import type Database from 'better-sqlite3';
import type { Snooze } from '../../domain/snooze.js';
import type { SnoozeStore } from '../snoozes.js';
import { USER_WRITE_PATIENCE_MS, whenNotBusy } from './busy-retry.js';

interface SnoozeRow {
  partner_id: string;
  until: string;
  snoozed_by: string;
  snoozed_at: string;
}

export class SqliteSnoozes implements SnoozeStore {
  private readonly upsert: Database.Statement<[SnoozeRow]>;
  private readonly running: Database.Statement<[string], SnoozeRow>;

  constructor(
    db: Database.Database,
    private readonly patienceMs = USER_WRITE_PATIENCE_MS,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO snoozes (partner_id, until, snoozed_by, snoozed_at) VALUES (@partner_id, @until, @snoozed_by, @snoozed_at)
       ON CONFLICT (partner_id) DO UPDATE SET until = MAX(snoozes.until, excluded.until),
         snoozed_by = excluded.snoozed_by, snoozed_at = excluded.snoozed_at`,
    );
    this.running = db.prepare('SELECT * FROM snoozes WHERE until > ? ORDER BY partner_id');
  }

  async snooze(snooze: Snooze): Promise<void> {
    const row = { partner_id: snooze.partnerId, until: snooze.until, snoozed_by: snooze.snoozedBy, snoozed_at: snooze.snoozedAt };
    await whenNotBusy(() => this.upsert.run(row), this.patienceMs);
  }

  async active(today: string): Promise<Snooze[]> {
    return this.running.all(today).map((row) => ({
      partnerId: row.partner_id,
      until: row.until,
      snoozedBy: row.snoozed_by,
      snoozedAt: row.snoozed_at,
    }));
  }
}

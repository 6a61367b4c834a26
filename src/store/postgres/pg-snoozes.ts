import type { Snooze } from '../../domain/snooze.js';
import type { SnoozeStore } from '../snoozes.js';
import type { PgDatabase } from './pg-database.js';

interface SnoozeRow {
  partner_id: string;
  until: string;
  snoozed_by: string;
  snoozed_at: Date;
}

export class PgSnoozes implements SnoozeStore {
  constructor(private readonly db: PgDatabase) {}

  /** A snooze already running longer is kept (GREATEST), whoever snoozed last. */
  async snooze(snooze: Snooze): Promise<void> {
    await this.db.rows(
      `INSERT INTO snoozes (partner_id, until, snoozed_by, snoozed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (partner_id) DO UPDATE SET until = GREATEST(snoozes.until, excluded.until),
         snoozed_by = excluded.snoozed_by, snoozed_at = excluded.snoozed_at`,
      [snooze.partnerId, snooze.until, snooze.snoozedBy, snooze.snoozedAt],
    );
  }

  async active(today: string): Promise<Snooze[]> {
    const rows = await this.db.rows<SnoozeRow>('SELECT * FROM snoozes WHERE until > $1 ORDER BY partner_id COLLATE "C"', [today]);
    return rows.map((row) => ({
      partnerId: row.partner_id,
      until: row.until,
      snoozedBy: row.snoozed_by,
      snoozedAt: row.snoozed_at.toISOString(),
    }));
  }
}

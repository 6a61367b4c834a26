import type { ReminderMention, ReminderMentions } from '../reminder-mentions.js';
import type { PgDatabase } from './pg-database.js';

export class PgReminderMentions implements ReminderMentions {
  constructor(private readonly db: PgDatabase) {}

  async inWeek(week: string): Promise<ReminderMention[]> {
    const rows = await this.db.rows<{ partner_id: string; user_id: string }>(
      'SELECT partner_id, user_id FROM reminder_mentions WHERE week = $1 ORDER BY partner_id COLLATE "C", user_id COLLATE "C"',
      [week],
    );
    return rows.map((row) => ({ partnerId: row.partner_id, userId: row.user_id }));
  }

  async record(week: string, mentions: readonly ReminderMention[], at: Date): Promise<void> {
    if (mentions.length === 0) return;
    await this.db.rows(
      `INSERT INTO reminder_mentions (partner_id, user_id, week, mentioned_at)
       SELECT partner_id, user_id, $3, $4 FROM unnest($1::text[], $2::text[]) AS m(partner_id, user_id)
       ON CONFLICT DO NOTHING`,
      [mentions.map((m) => m.partnerId), mentions.map((m) => m.userId), week, at],
    );
  }
}

import type Database from 'better-sqlite3';
import type { ReminderMention, ReminderMentions } from '../reminder-mentions.js';
import { whenNotBusy } from './busy-retry.js';

interface MentionRow {
  partner_id: string;
  user_id: string;
}

export class SqliteReminderMentions implements ReminderMentions {
  private readonly insert: Database.Statement<[string, string, string, string]>;
  private readonly ofWeek: Database.Statement<[string], MentionRow>;

  constructor(
    private readonly db: Database.Database,
    private readonly patienceMs: number,
  ) {
    this.insert = db.prepare(
      'INSERT INTO reminder_mentions (partner_id, user_id, week, mentioned_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.ofWeek = db.prepare('SELECT partner_id, user_id FROM reminder_mentions WHERE week = ? ORDER BY partner_id, user_id');
  }

  async inWeek(week: string): Promise<ReminderMention[]> {
    return this.ofWeek.all(week).map((row) => ({ partnerId: row.partner_id, userId: row.user_id }));
  }

  async record(week: string, mentions: readonly ReminderMention[], at: Date): Promise<void> {
    const insertAll = this.db.transaction(() => {
      for (const mention of mentions) this.insert.run(mention.partnerId, mention.userId, week, at.toISOString());
    });
    await whenNotBusy(() => insertAll.immediate(), this.patienceMs);
  }
}

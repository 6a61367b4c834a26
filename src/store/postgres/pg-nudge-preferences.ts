import type { NudgePreferences } from '../nudge-preferences.js';
import type { PgDatabase } from './pg-database.js';

export class PgNudgePreferences implements NudgePreferences {
  constructor(private readonly db: PgDatabase) {}

  async set(userId: string, enabled: boolean, at: Date): Promise<void> {
    await this.db.rows(
      `INSERT INTO nudge_preferences (user_id, enabled, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at`,
      [userId, enabled, at],
    );
  }

  async enabled(userId: string): Promise<boolean> {
    const rows = await this.db.rows<{ enabled: boolean }>('SELECT enabled FROM nudge_preferences WHERE user_id = $1', [userId]);
    return rows[0]?.enabled !== false;
  }

  async turnedOff(): Promise<string[]> {
    const rows = await this.db.rows<{ user_id: string }>('SELECT user_id FROM nudge_preferences WHERE NOT enabled ORDER BY user_id COLLATE "C"');
    return rows.map((row) => row.user_id);
  }
}

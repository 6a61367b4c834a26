import type Database from 'better-sqlite3';
import type { NudgePreferences } from '../nudge-preferences.js';
import { whenNotBusy } from './busy-retry.js';

export class SqliteNudgePreferences implements NudgePreferences {
  private readonly upsert: Database.Statement<[string, number, string]>;
  private readonly ofUser: Database.Statement<[string], number>;
  private readonly off: Database.Statement<[], string>;

  constructor(
    db: Database.Database,
    private readonly patienceMs: number,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO nudge_preferences (user_id, enabled, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at`,
    );
    this.ofUser = db.prepare<[string], number>('SELECT enabled FROM nudge_preferences WHERE user_id = ?').pluck();
    this.off = db.prepare<[], string>('SELECT user_id FROM nudge_preferences WHERE enabled = 0 ORDER BY user_id').pluck();
  }

  async set(userId: string, enabled: boolean, at: Date): Promise<void> {
    await whenNotBusy(() => this.upsert.run(userId, enabled ? 1 : 0, at.toISOString()), this.patienceMs);
  }

  async enabled(userId: string): Promise<boolean> {
    return this.ofUser.get(userId) !== 0;
  }

  async turnedOff(): Promise<string[]> {
    return this.off.all();
  }
}

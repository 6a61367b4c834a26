import { BilingualError, bothLanguages } from '../../i18n/bilingual-error.js';
import type { CorridorStore } from '../repository.js';

/** Placeholder until the PostgreSQL store lands: refuses politely. */
export async function openPostgresStore(_databaseUrl: string, _options: { poolMax?: number }): Promise<CorridorStore> {
  throw new BilingualError(bothLanguages((words) => words.cli.errors.unsupportedDatabase('postgres')));
}

import { BilingualError } from '../i18n/bilingual-error.js';

/** DATABASE_URL names a database the app cannot use (a scheme it does not know, no file). */
export class UnsupportedDatabaseError extends BilingualError {}

/** The database file named by DATABASE_URL cannot be created or opened (a missing right, a directory…). */
export class DatabaseOpenError extends BilingualError {}

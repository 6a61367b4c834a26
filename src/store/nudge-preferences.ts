/**
 * Who has turned their weekly nudges off (`/corridor nudges off`), shared by every replica. A
 * person never asked is nudged: only a choice is stored, with who made it and when.
 */
export interface NudgePreferences {
  /** Turns a person's nudges off (false) or back on (true); the latest choice wins. */
  set(userId: string, enabled: boolean, at: Date): Promise<void>;
  /** Whether the person gets nudges (true unless they turned them off). */
  enabled(userId: string): Promise<boolean>;
  /** Everyone whose nudges are off. */
  turnedOff(): Promise<string[]>;
}

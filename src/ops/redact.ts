/**
 * Keeps credentials out of log lines and readiness answers: values under secret-sounding keys are
 * dropped, and text is scrubbed of anything shaped like a Slack token, a Notion secret, a bearer
 * token or a password inside a URL, and of the exact secrets this process was configured with.
 */

export const REDACTED = '[REDACTED]';

/** Keys whose values are never shown, whatever they hold. */
const SECRET_KEY = /token|secret|passw(?:or)?d|authorization|cookie|api[-_]?key|feed[-_]?key|signature|credential/i;

const TEXT_RULES: [RegExp, string][] = [
  // Slack bot, user, app-level and refresh tokens: xoxb-…, xoxp-…, xoxe-…, xapp-…
  [/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g, `$1-${REDACTED}`],
  // Notion integration secrets, old (secret_…) and new (ntn_…).
  [/\b(secret|ntn)_[A-Za-z0-9]{10,}/g, `$1_${REDACTED}`],
  // scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"\\]*:)[^\s@/"\\]+@/gi, `$1${REDACTED}@`],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, `Bearer ${REDACTED}`],
  // key=value, key: value, "key":"value" where the key names a secret (SLACK_SIGNING_SECRET=…, ?token=…).
  [/([A-Za-z_-]*(?:token|secret|passw(?:or)?d|authorization)["']?\s*[:=]\s*["']?)(?![^\s"'\\,;&)}\]]*\[REDACTED)[^\s"'\\,;&)}\]]+/gi, `$1${REDACTED}`],
];

/**
 * A part of a log line written as it is, unscrubbed: only for the line whose purpose is to show it
 * (Notion's verification token, for the operator to paste). Prints as its text anywhere.
 */
export class Shown {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.text;
  }
}

/** A line's parts joined by spaces and scrubbed: as a whole, or around the parts it shows as they are. */
export function scrubParts(parts: readonly unknown[], show: (part: unknown) => string, known: readonly string[] = []): string {
  if (!parts.some((part) => part instanceof Shown)) return scrubText(parts.map(show).join(' '), known);
  return parts.map((part) => (part instanceof Shown ? part.text : scrubText(show(part), known))).join(' ');
}

/**
 * A URL as it may be shown: whatever comes before its last `@` (a user and password, even one
 * holding `/`, `@` or spaces, which the URL rule of scrubText would not see whole) is masked.
 */
export function maskUrlCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^]*@/i, '$1***@');
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Scrubs one piece of text; `known` are exact values to remove wherever they appear. */
export function scrubText(text: string, known: readonly string[] = []): string {
  let result = text;
  for (const secret of known) result = result.split(secret).join(REDACTED);
  for (const [pattern, replacement] of TEXT_RULES) result = result.replace(pattern, replacement);
  return result;
}

/**
 * A copy of `value` safe to log: secret keys dropped, strings scrubbed, errors rebuilt with a
 * scrubbed message and stack (so they still print as errors). Other objects are left to the final
 * scrub of the formatted line.
 */
export function redactValue(value: unknown, known: readonly string[] = [], seen = new WeakSet<object>(), depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, known);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 6) return '[…]';
  seen.add(value);
  const inner = (item: unknown) => redactValue(item, known, seen, depth + 1);
  if (Array.isArray(value)) return value.map(inner);
  if (value instanceof Error) return redactError(value, inner, known);
  if (!isPlainObject(value)) return value;
  return redactEntries(value as Record<string, unknown>, inner);
}

function redactEntries(value: Record<string, unknown>, inner: (item: unknown) => unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) ? REDACTED : inner(item);
  return copy;
}

function redactError(error: Error, inner: (item: unknown) => unknown, known: readonly string[]): Error {
  const copy = new Error(scrubText(error.message, known));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : scrubText(error.stack, known);
  Object.assign(copy, redactEntries({ ...error }, inner));
  if (error.cause !== undefined) copy.cause = inner(error.cause);
  return copy;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The secrets in an environment, to scrub wherever they appear: values of secret-sounding
 * variables, and the password of every URL (DATABASE_URL's).
 */
export function knownSecrets(env: object): string[] {
  const secrets = new Set<string>();
  for (const [key, value] of Object.entries(env)) {
    if (typeof value !== 'string') continue;
    if (isSecretKey(key) && value.length >= 8) secrets.add(value);
    const password = urlPassword(value);
    if (password && password.length >= 4) {
      secrets.add(password);
      secrets.add(decodeURIComponentSafe(password));
    }
  }
  return [...secrets];
}

function urlPassword(value: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]+)@/i.exec(value)?.[1];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

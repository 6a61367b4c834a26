import type { CorridorStore } from '../../store/corridor-store.js';
import { withShortText, type Reply } from '../blocks.js';
import { BoundedMap } from '../bounded-map.js';
import type { CommandContext, CorridorCommand } from './command.js';

/**
 * The subcommands whose answer depends only on the command text, the language, the time zone, the
 * date, the records and the viewer's side and rights: 'role' where inside or outside, admin or not,
 * is all that matters of the viewer, 'user' where the viewer's own records matter (an action item's owner gets its button).
 * Not here: `sync` (runs the sync), `digest` (also reads the run ledger, which is no record) and
 * `pending` (shows snoozes, which are no records either).
 */
const KEPT_ANSWERS: Readonly<Record<string, 'role' | 'user'>> = {
  help: 'role',
  partners: 'role',
  partner: 'role',
  people: 'role',
  // The card shows e-mails to those who see internal details: kept per viewer, whatever that rule becomes.
  person: 'user',
  events: 'role',
  event: 'role',
  actions: 'role',
  action: 'user',
  history: 'role',
  // The press contact's e-mail shows to those who see internal details: kept per viewer, like `person`.
  about: 'user',
};

/** Enough for every subcommand in both languages, with room for many distinct lookups. */
const DEFAULT_CAPACITY = 500;

/**
 * What the kept answers may weigh in all: a few hundred answers of the largest size (a page of a
 * list, about 12,000 characters), so that no one can grow the process's memory by asking for
 * ever new large answers.
 */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** A string's weight in memory: V8 keeps most strings at one or two bytes a character. */
const stringBytes = (text: string) => 2 * text.length;

interface Entry {
  revision: string;
  reply: Reply;
}

/**
 * Rendered replies of read-only subcommands, each kept with the store revision it was read at, so
 * that a write through any replica makes the next answer fresh. Least recently used entries go first.
 */
export class AnswerCache {
  private readonly entries: BoundedMap<Entry>;

  constructor(capacity = DEFAULT_CAPACITY, maxBytes = DEFAULT_MAX_BYTES) {
    // Measured once, when kept: a reply's JSON is close to what its strings and objects hold.
    this.entries = new BoundedMap({ entries: capacity, bytes: maxBytes, sizeOf: (key, entry) => stringBytes(key) + stringBytes(entry.revision) + stringBytes(JSON.stringify(entry.reply)) });
  }

  get(key: string, revision: string): Reply | undefined {
    const entry = this.entries.get(key);
    return entry?.revision === revision ? entry.reply : undefined;
  }

  set(key: string, revision: string, reply: Reply): void {
    this.entries.set(key, { revision, reply });
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the kept answers weigh, as counted against DEFAULT_MAX_BYTES. */
  get bytes(): number {
    return this.entries.bytes;
  }
}

/**
 * Where the kept answer of a request typed before is filed, by the request as typed, for one
 * listener (its time zone, admins and surface fixed): a repeated command then skips parsing the
 * text and building the key. Valid for the day it was built on, since the key holds the date.
 */
export class KeptRoutes {
  // A request's text may be up to 4,000 characters: the routes are bounded by their size too.
  private readonly routes = new BoundedMap<{ key: string; today: string }>({
    entries: DEFAULT_CAPACITY,
    bytes: DEFAULT_MAX_BYTES / 4,
    sizeOf: (requestKey, route) => stringBytes(requestKey) + stringBytes(route.key) + stringBytes(route.today),
  });

  /** The request as typed and who asks: language, audience and user ID come from Slack, the text is anything (last, unambiguous). */
  static requestKey(lang: string, audience: string, userId: string, text: string): string {
    return `${lang}:${audience}:${userId.length}:${userId}:${text}`;
  }

  /** The kept answer at the store's current revision, if this request was answered today before. */
  async answer(requestKey: string, today: string, store: CorridorStore): Promise<Reply | undefined> {
    const route = this.routes.get(requestKey);
    if (route?.today !== today) return undefined;
    return answerCacheOf(store).get(route.key, await store.revision());
  }

  remember(requestKey: string, key: string, today: string): void {
    this.routes.set(requestKey, { key, today });
  }
}

/** What a kept answer is looked up by; undefined when the subcommand's answer is never kept. */
export function answerKey(commandName: string, args: string, context: CommandContext): string | undefined {
  const viewer = KEPT_ANSWERS[commandName];
  if (!viewer) return undefined;
  // The public view and the internal one differ for the same words: the audience is part of the key.
  const rights = viewer === 'user' ? `${context.audience}:${context.isAdmin}:${context.userId}` : `${context.audience}:${context.isAdmin}`;
  // Buttons show only in Slack, and refusals name the admins: both are part of the answer.
  const surface = context.slack ? 'slack' : 'console';
  return JSON.stringify([commandName, args.trim(), context.lang, context.timeZone, context.today, rights, surface, context.admins]);
}

const shortened = (reply: Reply | undefined) => reply && withShortText(reply);

/** One cache per store, shared by the Slack listener and the console that answer from it. */
const caches = new WeakMap<CorridorStore, AnswerCache>();

export function answerCacheOf(store: CorridorStore): AnswerCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new AnswerCache()));
  return cache;
}

/** Runs a read-only subcommand once per store revision and viewer; every other one each time. */
export async function runKeepingAnswers(
  command: CorridorCommand,
  args: string,
  context: CommandContext,
  key = answerKey(command.name, args, context),
): Promise<Reply | undefined> {
  if (key === undefined) return shortened(await command.run(args, context));
  const cache = answerCacheOf(context.store);
  // Read before the records: a write meanwhile leaves a fresh answer under the older revision,
  // which the next request skips; never a stale answer under the newer one.
  const revision = await context.store.revision();
  const kept = cache.get(key, revision);
  if (kept) return kept;
  const reply = shortened(await command.run(args, context));
  // No reply means a modal was opened: an effect to repeat each time, never an answer to keep.
  if (reply) cache.set(key, revision, reply);
  return reply;
}

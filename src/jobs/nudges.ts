import type { WebClient } from '@slack/web-api';
import { localIsoDate } from '../domain/dates.js';
import { nudgedPeople, nudgeFor, nudgeKey, type Nudge, type NudgeSources } from '../domain/nudges.js';
import { audienceOfUser } from '../domain/permissions.js';
import { isoWeekKey } from '../domain/periods.js';
import { InstallingOrganisation } from '../slack/installation.js';
import { API_TIMEOUT_MS } from '../slack/slack-clients.js';
import { UserLanguages } from '../slack/user-lang.js';
import { nudgeView } from '../slack/views/nudge-view.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { JobDeps, NudgeRecipients } from './job-deps.js';
import { postOnce, type JobResult } from './run-job.js';

/** One person's outcome: their DM's run (posted, already sent, failed…), or not nudged because of who they are (or Slack could not say). */
export type NudgeResult = { userId: string; result: JobResult } | { userId: string; notNudged: 'not-nudged' | 'unknown' };

/** What to nudge whom about on `now`'s day: everyone with an item due, less those who turned nudges off. */
export async function composeNudges(store: NudgeStore, now: Date, timeZone: string): Promise<Nudge[]> {
  const today = localIsoDate(now, timeZone);
  const [sources, off] = await Promise.all([nudgeSources(store), store.nudgePreferences.turnedOff()]);
  const quiet = new Set(off);
  return nudgedPeople(sources)
    .filter((userId) => !quiet.has(userId))
    .flatMap((userId) => nudgeFor(userId, sources, today) ?? []);
}

type NudgeStore = Pick<CorridorStore, 'actions' | 'partners' | 'contacts' | 'nudgePreferences'>;

async function nudgeSources(store: NudgeStore): Promise<NudgeSources> {
  const [items, partners, contacts] = await Promise.all([store.actions.list(), store.partners.list(), store.contacts.list()]);
  return { items, partners, contacts };
}

/**
 * Sends each person their nudge of the week in a direct message, once per person and ISO week
 * however many runs or replicas: each is claimed in the run ledger under `U…@2026-W49` before
 * conversations.open and chat.postMessage, and carries that key as message metadata, so a retry
 * looks for it in the conversation first. Nothing to say, no message.
 */
export async function sendNudges(deps: JobDeps): Promise<NudgeResult[]> {
  const now = deps.clock();
  const week = isoWeekKey(localIsoDate(now, deps.config.CORRIDOR_TZ));
  const results: NudgeResult[] = [];
  for (const nudge of await composeNudges(deps.store, now, deps.config.CORRIDOR_TZ)) {
    const { userId } = nudge;
    const lang = (await deps.recipients?.(userId)) ?? 'unknown';
    if (lang === 'not-nudged' || lang === 'unknown') {
      results.push({ userId, notNudged: lang });
      continue;
    }
    const open = deps.poster.openDirectMessage?.bind(deps.poster);
    const to = async () => (open ? open(userId) : { ok: false as const, error: 'no_direct_messages', hint: 'this poster reaches channels only' });
    // Composed again once claimed: the item list as of the send, not as of the start of the run.
    const compose = async (at: Date) => {
      const current = nudgeFor(userId, await nudgeSources(deps.store), localIsoDate(at, deps.config.CORRIDOR_TZ));
      return current && (await deps.store.nudgePreferences.enabled(userId)) ? nudgeView(current, lang, canLogContacts(deps, userId)) : undefined;
    };
    results.push({ userId, result: await postOnce('nudges', nudgeKey(userId, week), deps, compose, now, to) });
  }
  return results;
}

/** *Log a contact* opens the coordinators' form: offered to the coordinators only (CORRIDOR_ADMINS). */
export function canLogContacts(deps: Pick<JobDeps, 'config'>, userId: string): boolean {
  return deps.config.CORRIDOR_ADMINS?.includes(userId) ?? false;
}

/** Nudges go to people of the installing organisation who are not guests, in their Slack language. */
export function slackRecipients(client: WebClient): NudgeRecipients {
  // No one is waiting on a scheduled run: Slack gets a call's whole time-out, not a command's 800 ms.
  const users = new UserLanguages(client, Date.now, API_TIMEOUT_MS);
  const installing = new InstallingOrganisation(client);
  return async (userId) => {
    const [facts, installation] = await Promise.all([users.facts(userId), installing.get()]);
    if (!facts.organisation || !installation) return 'unknown';
    if (facts.organisation.isGuest || audienceOfUser(facts.organisation, installation) !== 'internal') return 'not-nudged';
    return facts.lang;
  };
}

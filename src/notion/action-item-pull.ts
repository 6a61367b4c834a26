import type { Client } from '@notionhq/client';
import { localIsoDate } from '../domain/dates.js';
import { draftOf } from '../domain/draft.js';
import type { ActionItem, Draft } from '../domain/types.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { actionStatusFromLabel, type ActionFields } from './action-item-properties.js';
import type { NotionPage } from './data-sources.js';
import { emailOfNotionUser, mentionedUser } from './notion-people.js';
import { sameValue, type FieldValue } from './property-values.js';
import type { PulledChange, PulledField, SyncSummary } from './sync-summary.js';
import { NOTION_SYNC_ACTOR, type PeopleDirectory, type SyncLogger } from './sync-types.js';

/**
 * The action item fields that come back from Notion: status, due date and owner. Every other
 * field is the store's (an edit made in Notion is overwritten and reported).
 */
export const PULLED_FIELDS: readonly PulledField[] = ['status', 'dueOn', 'owner'];

export interface PullContext {
  store: CorridorStore;
  clock: () => Date;
  timeZone: string;
  people: PeopleDirectory | undefined;
  /** For the e-mail of a Notion person mentioned as owner. */
  notion: Client;
  summary: SyncSummary;
  logger: SyncLogger;
}

/** What Notion shows, what the sync last wrote, and what the store says now, for one action item. */
export interface PullInput {
  action: ActionItem;
  current: ActionFields;
  pushed: ActionFields;
  desired: ActionFields;
  page: NotionPage;
  /** Name of the Owner property in this database. */
  ownerProperty: string;
}

type Patch = Partial<Pick<ActionItem, 'status' | 'dueOn' | 'ownerUserId'>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/;

/** Fields edited in Notion since the sync's last write, unless the store changed them later. */
function editedInNotion(input: PullInput): PulledField[] {
  const notionEditedAt = Date.parse(input.page.last_edited_time);
  return PULLED_FIELDS.filter((field) => {
    if (sameValue(input.current[field], input.pushed[field])) return false;
    const storeChanged = !sameValue(input.desired[field], input.pushed[field]);
    // Both sides changed: the later change wins (Notion's times are to the minute).
    return !storeChanged || notionEditedAt > Date.parse(input.action.updatedAt);
  });
}

/**
 * The Slack user an owner set in Notion stands for: a Slack ID as the sync writes it, a Notion
 * person mentioned (`@Name`, found by their e-mail), or an e-mail typed; null for no owner,
 * undefined for someone Slack does not know.
 */
async function ownerFromNotion(input: PullInput, context: PullContext): Promise<string | null | undefined> {
  const value = input.current.owner;
  const typed = typeof value === 'string' ? value.trim() : '';
  if (typed === '') return null;
  if (SLACK_USER.test(typed)) return typed;
  const mentioned = mentionedUser(input.page.properties, input.ownerProperty);
  const email = mentioned ? await emailOfNotionUser(context.notion, mentioned) : EMAIL.exec(typed)?.[0];
  const found = email && context.people ? await context.people.slackUserByEmail(email) : null;
  return found ?? undefined;
}

async function patchFor(field: PulledField, input: PullInput, context: PullContext): Promise<Patch | undefined> {
  const value = input.current[field];
  switch (field) {
    case 'status': {
      const status = actionStatusFromLabel(value);
      return status && status !== input.action.status ? { status } : undefined;
    }
    case 'dueOn': {
      const dueOn = typeof value === 'string' && ISO_DATE.test(value) ? value : null;
      return dueOn !== input.action.dueOn ? { dueOn } : undefined;
    }
    case 'owner': {
      const owner = await ownerFromNotion(input, context);
      if (owner === undefined) {
        context.summary.unknownPeople.push({ recordId: input.action.id, label: input.action.title, person: String(value) });
        return undefined;
      }
      return owner !== input.action.ownerUserId ? { ownerUserId: owner } : undefined;
    }
  }
}

const STORE_KEY: Record<PulledField, keyof Patch> = { status: 'status', dueOn: 'dueOn', owner: 'ownerUserId' };

/**
 * Brings an action item's status, due date and owner edited in Notion into the store; returns
 * the record as now stored, or undefined when nothing came back. A status pulled as done keeps
 * the day it was done in Notion (the page's last edit), not the day of the sync.
 */
export async function pullActionItem(input: PullInput, context: PullContext): Promise<ActionItem | undefined> {
  const patch: Patch = {};
  for (const field of editedInNotion(input)) Object.assign(patch, await patchFor(field, input, context));
  const fields = PULLED_FIELDS.filter((field) => STORE_KEY[field] in patch);
  if (fields.length === 0) return undefined;
  const { action, page } = input;
  const status = patch.status ?? action.status;
  const doneOn = localIsoDate(new Date(page.last_edited_time), context.timeZone);
  const draft: Draft<ActionItem> = {
    ...draftOf(action),
    ...patch,
    completedOn: status !== 'done' ? null : action.status === 'done' && action.completedOn ? action.completedOn : doneOn,
  };
  const saved = await context.store.actions.save(draft, { actor: NOTION_SYNC_ACTOR, expectedVersion: action.version, now: context.clock() });
  const changes: PulledChange['changes'] = fields.map((field) => ({
    field,
    from: (action[STORE_KEY[field]] as string | null) ?? null,
    to: (saved[STORE_KEY[field]] as string | null) ?? null,
  }));
  context.summary.pulled.push({ entity: 'action', recordId: action.id, label: action.title, changes });
  context.summary.counts.action.pulled += 1;
  context.logger.info('action item fields brought back from Notion', { action: action.id, fields });
  return saved;
}

import {
  ACTION_CHANGE_KINDS,
  EVENT_CHANGE_KINDS,
  PARTNER_CHANGE_KINDS,
  type ActionChange,
  type DigestChanges,
  type EventChange,
  type PartnerChange,
  type PartnerEditedField,
} from '../domain/digest-changes.js';
import type { Audience } from '../domain/permissions.js';
import { stageOf } from '../domain/stages.js';
import { formatDate, formatEventWhen } from './format.js';
import type { Catalogue, Lang } from './index.js';

/**
 * "What changed" in words, as the digest says it and the report repeats it: one line per kind of
 * change ("Partners edited: Venture Lab (stage now legal review)"). The surface decides how names
 * are written (escaped for Slack's mrkdwn, plain in a PDF) and how a person is named.
 */
export interface ChangeWordsStyle {
  /** A name or title as the surface writes text typed by people. */
  text: (text: string) => string;
  /** A Slack user, as the surface names one (a mention in Slack). */
  person: (userId: string) => string;
  /** How many names a line gives before "… and N more". */
  cap: number;
}

export function changeGroupLines(changes: DigestChanges, lang: Lang, t: Catalogue, audience: Audience, style: ChangeWordsStyle): string[] {
  const groups = t.digest.changeGroups;
  return [
    ...kindLines(t, style, PARTNER_CHANGE_KINDS, changes.partners, (kind) => groups.partner[kind], (change) => partnerChangeName(change, t, audience, style)),
    ...kindLines(t, style, EVENT_CHANGE_KINDS, changes.events, (kind) => groups.event[kind], (change) => eventChangeName(change, lang, t, style)),
    ...kindLines(t, style, ACTION_CHANGE_KINDS, changes.actions, (kind) => groups.action[kind], (change) => actionChangeName(change, lang, t, audience, style)),
  ];
}

/** One line per kind of change, its records named up to the cap, then "… and N more". */
function kindLines<K extends string, C extends { kind: K }>(
  t: Catalogue,
  style: ChangeWordsStyle,
  kinds: readonly K[],
  changes: readonly C[],
  heading: (kind: K) => string,
  name: (change: C) => string,
): string[] {
  return kinds.flatMap((kind) => {
    const names = changes.filter((change) => change.kind === kind).map(name);
    return names.length ? [t.digest.changeLine(heading(kind), cappedNames(names, t, style.cap))] : [];
  });
}

function cappedNames(names: string[], t: Catalogue, cap: number): string {
  const shown = names.slice(0, cap);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} ${t.common.andMore(more)}` : t.common.listJoin(shown);
}

/** Outside, which fields changed stays unsaid: some (owner, internal note) are the coordinators' own. */
function partnerChangeName(change: PartnerChange, t: Catalogue, audience: Audience, style: ChangeWordsStyle): string {
  const name = style.text(change.partner.name);
  if (change.kind !== 'edited' || change.fields.length === 0 || audience === 'public') return name;
  const stage = stageOf(change.partner);
  // A new stage is named: "Venture Lab (stage now legal review)".
  const named = (field: PartnerEditedField) =>
    field === 'stage' && stage ? `${t.digest.editedFields.stage} ${t.digest.now(t.stages.name[stage.name])}` : t.digest.editedFields[field];
  return t.digest.withDetail(name, change.fields.map(named).join(', '));
}

function eventChangeName(change: EventChange, lang: Lang, t: Catalogue, style: ChangeWordsStyle): string {
  const title = style.text(change.event.title[lang]);
  return change.kind === 'moved' ? t.digest.withDetail(title, t.digest.now(formatEventWhen(change.event, lang))) : title;
}

function actionChangeName({ kind, item }: ActionChange, lang: Lang, t: Catalogue, audience: Audience, style: ChangeWordsStyle): string {
  const title = style.text(item.title[lang]);
  // An action item's owner and due date are internal: outside, its title and status only.
  if (audience === 'public') return title;
  if (kind === 'reassigned') return t.digest.withDetail(title, t.digest.now(item.ownerUserId ? style.person(item.ownerUserId) : t.digest.noOwner));
  if (kind === 'redated') return t.digest.withDetail(title, item.dueOn ? t.digest.dueOn(formatDate(item.dueOn, lang)) : t.digest.noDueDate);
  return title;
}

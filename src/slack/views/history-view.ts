import type { KnownBlock } from '@slack/types';
import { itemisedChanges } from '../../domain/about.js';
import type { HistoryEntry } from '../../domain/types.js';
import { slackUserId } from '../../domain/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { FIELD_SOURCES_ACTOR } from '../../store/seed/field-sources.js';
import { SHORT_NAMES_ACTOR } from '../../store/seed/usual-short-names.js';
import { context, fitBlocks, header, section, type Reply } from '../blocks.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';
import { fieldLabel, formatFieldValue, type FieldContext } from './record-fields.js';

export interface HistoryInput extends FieldContext {
  /** Display name of the record (plain text, for the header). */
  name: string;
  entries: readonly HistoryEntry[];
  timeZone: string;
}

/** Lines of one entry beyond which the rest is summarised, so one big edit cannot fill the reply. */
const MAX_FIELDS_PER_ENTRY = 12;

/** Every change to a record, newest first: when, who, and each field's old → new value. */
export function historyView(input: HistoryInput): Reply {
  const { t, name, entries } = input;
  // The header is plain text; the fallback text is mrkdwn and gets the escaped name.
  const title = t.history.title(name);
  const fallbackTitle = t.history.title(escapeMrkdwn(name));
  if (entries.length === 0) return { text: t.common.labelled(fallbackTitle, t.history.none), blocks: [header(title), section(t.history.none)] };
  const newestFirst = [...entries].sort((a, b) => b.id - a.id);
  const blocks: KnownBlock[] = [header(title), context(t.history.summary(entries.length)), ...newestFirst.map((entry) => section(entryText(entry, input)))];
  return { text: t.common.labelled(fallbackTitle, t.history.summary(entries.length)), blocks: fitBlocks(blocks, t.common.andMore) };
}

export function entryText(entry: HistoryEntry, input: HistoryInput): string {
  const { t, lang, timeZone } = input;
  const when = formatDateTime(new Date(entry.at), lang, timeZone);
  const heading = t.history.entry(when, actorText(entry.actor, input), t.history.change[entry.change]);
  // The ID never changes and says nothing the header does not.
  const changes = itemisedChanges(entry.diff)
    .filter(([key]) => key !== 'id')
    .map(([key, { from, to }]) => {
    const label = fieldLabel(key, t);
    const after = formatFieldValue(entry.entity, key, to, input);
    // A creation lists the values set; other changes show each value before and after.
    if (entry.change === 'created') return t.history.fieldSet(label, after);
    return t.history.fieldChanged(label, formatFieldValue(entry.entity, key, from, input), after);
  });
  const shown = changes.slice(0, MAX_FIELDS_PER_ENTRY);
  const omitted = changes.length - shown.length;
  return [heading, ...shown, ...(omitted > 0 ? [t.common.andMore(omitted)] : [])].join('\n');
}

function actorText(actor: string, { t }: HistoryInput): string {
  if (slackUserId.safeParse(actor).success) return mentionUser(actor);
  if (actor === SHORT_NAMES_ACTOR) return t.history.shortNamesActor;
  if (actor === FIELD_SOURCES_ACTOR) return t.history.fieldSourcesActor;
  if (actor.startsWith('seed:')) return t.history.seedActor;
  return escapeMrkdwn(actor);
}

import type { FormResult } from '../../../domain/forms/errors.js';
import type { CorridorStore, RecordCollection } from '../../../store/corridor-store.js';
import { conflictModal, goneModal, savedModal } from '../../views/modals/outcome-modals.js';
import { errorsAction, fieldContext, formWrite, savedMessage, saveUnlessChanged, updateAction, type Submission, type SubmissionArgs } from './submission.js';

type StoredRecord = { id: string; version: number; updatedBy: string | null; removedAt: string | null };
type Draftable<T extends StoredRecord> = Parameters<RecordCollection<T>['save']>[0];

/** What differs between the record forms; the protocol around them (gone, errors, conflict, saved) is one. */
export interface RecordForm<T extends StoredRecord, V> {
  entity: 'partner' | 'person' | 'event' | 'action' | 'about';
  /** Which form the conflict form's "Edit again" reopens: the entity's own by default (an action item's status form). */
  reopen?: 'actionStatus';
  records: RecordCollection<T>;
  /** The record the form edits, when it edits one. */
  existing: T | undefined;
  parse: () => FormResult<V>;
  /** The record to save, out of what the form parsed. */
  draft: (value: V) => Draftable<T>;
  /** The record's name as the modals say it, escaped. */
  name: (record: T) => string;
  said: (name: string, record: T) => { added: string; updated: string };
  /** Work once the record is saved, before the form says so (an event's new speakers). */
  afterSave?: (value: V) => Promise<void>;
}

/**
 * A record form submitted by a coordinator: a record removed meanwhile is gone, field errors keep
 * the form open, a record changed meanwhile gives the conflict form, else it is saved and said so.
 * The saved record, or undefined when the form was answered otherwise.
 */
export async function saveRecordForm<T extends StoredRecord, V>(
  ack: SubmissionArgs['ack'],
  submission: Submission,
  store: CorridorStore,
  form: RecordForm<T, V>,
): Promise<T | undefined> {
  const { meta, t, lang } = submission;
  const { entity, existing } = form;
  if (meta.id && (!existing || existing.removedAt !== null)) {
    await ack(updateAction(goneModal(t)));
    return undefined;
  }
  const parsed = form.parse();
  if (!parsed.ok) {
    await ack(errorsAction(parsed.errors, t));
    return undefined;
  }
  const attempted = form.draft(parsed.value);
  const saved = await saveUnlessChanged(
    ack,
    () => form.records.save(attempted, formWrite(submission, existing)),
    async (current) => conflictModal({ entity, reopen: form.reopen ?? entity, what: form.name(current), current, attempted, ...(await fieldContext(store, lang)) }),
  );
  if (!saved) return undefined;
  await form.afterSave?.(parsed.value);
  const message = savedMessage(existing, saved, t, form.said(form.name(saved), saved));
  await ack(updateAction(savedModal({ entity, record: saved, message, ...(await fieldContext(store, lang)) })));
  return saved;
}

/**
 * The same submission delivered again, for forms whose parser would refuse it (the record now
 * clashes with its own name): the first delivery's record, said saved. True when answered.
 */
export async function ackedAsAlreadyAdded<T extends StoredRecord>(
  ack: SubmissionArgs['ack'],
  { meta, viewId, t, lang }: Submission,
  store: CorridorStore,
  { entity, records, name, added }: { entity: 'partner' | 'person'; records: RecordCollection<T>; name: (record: T) => string; added: (name: string) => string },
): Promise<boolean> {
  const created = meta.id ? undefined : await records.createdByForm(viewId);
  if (!created) return false;
  await ack(updateAction(savedModal({ entity, record: created, message: added(name(created)), ...(await fieldContext(store, lang)) })));
  return true;
}

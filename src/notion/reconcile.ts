import { APIErrorCode, APIResponseError, type Client } from '@notionhq/client';
import { z } from 'zod';
import type { BilingualText } from '../domain/types.js';
import type { NotionLink, NotionLinks } from '../store/notion-links.js';
import { queryAll, type NotionPage } from './data-sources.js';
import type { AnySpec } from './entity-specs.js';
import { normaliseNotionId } from './ids.js';
import { changedKeys, fieldsHash, sameValue, toRequestProperties, type FieldValue, type PropertyValueRequest } from './property-values.js';
import { isNotFound, isUnanswered } from './sync-failures.js';
import type { SyncSummary } from './sync-summary.js';
import type { SyncLogger } from './sync-types.js';

export interface ReconcileContext {
  notion: Client;
  links: NotionLinks;
  clock: () => Date;
  logger: SyncLogger;
  summary: SyncSummary;
  /** Attempts to create one page when Notion does not answer (each followed by a look-up). */
  createAttempts: number;
}

type Fields = Record<string, FieldValue>;
type Record_ = { id: string; removedAt: string | null };

const writtenShape = z.object({ id: z.string(), last_edited_time: z.string() }).loose();
const writtenPage = (response: unknown) => writtenShape.parse(response);
const editedTime = (response: unknown) => writtenShape.safeParse(response).data?.last_edited_time ?? null;

/** One record and its page: what the reconcile steps share. */
interface Step {
  spec: AnySpec;
  record: Record_;
  link: NotionLink | undefined;
  page: NotionPage | undefined;
}

/**
 * Brings one record's page in step with the store, by the same rules for the periodic sync and
 * for a webhook: a removed record's page goes to the trash, a missing page is restored or
 * created, a page that differs is updated (after the fields Notion may change have come back).
 */
export class Reconciler {
  constructor(private readonly context: ReconcileContext) {}

  /** Returns the record's page ID, or undefined for a removed record. */
  async syncRecord(spec: AnySpec, candidates: readonly NotionPage[], record: Record_): Promise<string | undefined> {
    const link = await this.context.links.get(spec.database.dataSourceId, spec.entity, record.id);
    const page = candidates.find((candidate) => normaliseNotionId(candidate.id) === link?.pageId) ?? candidates[0];
    await this.trashDuplicates(spec, record.id, candidates, page);
    const step: Step = { spec, record, link, page };
    if (record.removedAt !== null) return this.archive(step);
    if (!page) return this.createOrRestore(step);
    return this.update(step, page);
  }

  fail(spec: AnySpec, record: Record_, reason: BilingualText): void {
    this.context.summary.counts[spec.entity].failed += 1;
    this.context.summary.failures.push({ entity: spec.entity, recordId: record.id, label: spec.label(record), reason });
  }

  /** Two pages with one Corridor ID (e.g. two syncs at once): keep one, trash the others. */
  private async trashDuplicates(spec: AnySpec, recordId: string, candidates: readonly NotionPage[], keep: NotionPage | undefined) {
    for (const extra of candidates) {
      if (extra === keep) continue;
      await this.context.notion.pages.update({ page_id: extra.id, in_trash: true });
      this.context.summary.duplicatesArchived.push({ entity: spec.entity, recordId, pageId: normaliseNotionId(extra.id) });
      this.context.logger.warn('duplicate Notion page archived', { entity: spec.entity, record: recordId, page: extra.id });
    }
  }

  private async saveLink(step: Step, pageId: string, fields: Fields, editedAt: string | null, state: { archived: boolean; pushed: boolean }) {
    const { spec, record, link } = step;
    await this.context.links.save({
      dataSourceId: spec.database.dataSourceId,
      entity: spec.entity,
      recordId: record.id,
      pageId: normaliseNotionId(pageId),
      pushedHash: fieldsHash(fields),
      pushedValues: fields,
      pushedAt: state.pushed || !link ? this.context.clock().toISOString() : link.pushedAt,
      notionEditedAt: editedAt,
      archived: state.archived,
    } satisfies NotionLink);
  }

  private async archive(step: Step): Promise<undefined> {
    const { spec, link, page } = step;
    const counts = this.context.summary.counts[spec.entity];
    if (page) {
      const archived = await this.context.notion.pages.update({ page_id: page.id, in_trash: true });
      await this.saveLink(step, page.id, (link?.pushedValues as Fields) ?? {}, editedTime(archived), { archived: true, pushed: true });
      counts.archived += 1;
      return undefined;
    }
    if (link && !link.archived) {
      await this.saveLink(step, link.pageId, link.pushedValues as Fields, link.notionEditedAt, { archived: true, pushed: false });
    }
    counts.unchanged += 1;
    return undefined;
  }

  private async createOrRestore(step: Step): Promise<string> {
    const { spec, record, link } = step;
    const { fields, problem } = spec.desired(record);
    const properties = toRequestProperties(fields, spec.database.names, spec.types);
    const restored = link ? await this.restorePage(link.pageId, properties) : undefined;
    const written = restored ?? (await this.createPage(spec, properties, record.id));
    await this.saveLink(step, written.id, fields, written.last_edited_time, { archived: false, pushed: true });
    if (problem) this.fail(spec, record, problem);
    else this.context.summary.counts[spec.entity][restored ? 'updated' : 'created'] += 1;
    return normaliseNotionId(written.id);
  }

  private readPage(step: Step, page: NotionPage): Fields | undefined {
    try {
      return step.spec.read(page.properties);
    } catch (error) {
      this.context.logger.warn('unreadable Notion page, rewriting it', { entity: step.spec.entity, record: step.record.id, error: String(error) });
      return undefined;
    }
  }

  /** Pulls what Notion may change, then writes what differs; a record pulled counts once, as pulled. */
  private async update(step: Step, page: NotionPage): Promise<string> {
    const { spec, link } = step;
    const pageId = normaliseNotionId(page.id);
    const current = this.readPage(step, page);
    const pushed = link && link.pageId === pageId && !link.archived ? (link.pushedValues as Fields) : undefined;
    const pulled = spec.pull && current && pushed ? await spec.pull(step.record, current, pushed, page) : undefined;
    const record = pulled ?? step.record;
    const { fields, problem } = spec.desired(record);
    const changed = current ? changedKeys(current, fields) : Object.keys(spec.types);
    const counts = this.context.summary.counts[spec.entity];
    if (changed.length === 0) {
      if (!link || link.pageId !== pageId || link.archived || link.pushedHash !== fieldsHash(fields)) {
        await this.saveLink(step, page.id, fields, page.last_edited_time, { archived: false, pushed: false });
      }
    } else {
      const updated = await this.context.notion.pages.update({
        page_id: page.id,
        properties: toRequestProperties(fields, spec.database.names, spec.types, changed) as never,
      });
      await this.saveLink(step, page.id, fields, editedTime(updated), { archived: false, pushed: true });
      this.reportOverwritten(spec, record, changed.filter((key) => current && pushed && !sameValue(current[key], pushed[key])));
    }
    if (problem) this.fail(spec, record, problem);
    else if (!pulled) counts[changed.length === 0 ? 'unchanged' : 'updated'] += 1;
    return pageId;
  }

  private reportOverwritten(spec: AnySpec, record: Record_, keys: string[]) {
    if (keys.length === 0) return;
    const names = spec.database.names as Record<string, string>;
    this.context.summary.overwritten.push({ entity: spec.entity, recordId: record.id, label: spec.label(record), properties: keys.map((key) => names[key]!) });
  }

  /** Takes a page out of the trash (a restored record, or a page trashed by hand). */
  private async restorePage(pageId: string, properties: Record<string, PropertyValueRequest>) {
    try {
      return writtenPage(await this.context.notion.pages.update({ page_id: pageId, in_trash: false, properties: properties as never }));
    } catch (error) {
      if (isNotFound(error) || (APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.ValidationError)) return undefined;
      throw error;
    }
  }

  /**
   * Creates a page. When Notion does not answer, the page may exist all the same: it is looked
   * up by its Corridor ID before trying again, so no duplicate is made.
   */
  private async createPage(spec: AnySpec, properties: Record<string, PropertyValueRequest>, recordId: string) {
    const { notion, createAttempts, logger } = this.context;
    const dataSourceId = spec.database.dataSourceId;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return writtenPage(await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: dataSourceId }, properties: properties as never }));
      } catch (error) {
        if (!isUnanswered(error) || attempt >= createAttempts) throw error;
        const found = await queryAll(notion, dataSourceId, { property: spec.corridorIdProperty, rich_text: { equals: recordId } }, 10);
        const existing = found.sort((a, b) => a.created_time.localeCompare(b.created_time))[0];
        if (existing) {
          logger.info('page found after an unanswered create', { record: recordId, page: existing.id });
          // It was created with these very properties; make sure of it all the same.
          return writtenPage(await notion.pages.update({ page_id: existing.id, properties: properties as never }));
        }
      }
    }
  }
}

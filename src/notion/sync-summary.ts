import { actionStatus, type BilingualText } from '../domain/types.js';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { catalogue, type Lang } from '../i18n/index.js';
import type { UnansweredKind } from './circuit-breaker.js';

export type SyncEntity = 'partner' | 'action' | 'person' | 'event';

/** The record kinds in the order a run goes through them. */
export const SYNC_ENTITIES: readonly SyncEntity[] = ['partner', 'person', 'event', 'action'];

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  /** Records whose status was brought back from Notion into the store. */
  pulled: number;
  failed: number;
}

/** The fields edited in Notion that come back into the store (action items). */
export type PulledField = 'status' | 'dueOn' | 'owner';

export interface PulledChange {
  entity: SyncEntity;
  recordId: string;
  label: BilingualText;
  /** Each field brought back: status as the store's value, dates ISO, owners as Slack user IDs. */
  changes: Array<{ field: PulledField; from: string | null; to: string | null }>;
}

/** A page of one of the two databases that carries no Corridor ID (made by hand in Notion). */
export interface UnlinkedPage {
  entity: SyncEntity;
  title: string;
  url: string;
}

/** An owner set in Notion that no Slack user matches: reported, not guessed. */
export interface UnknownPerson {
  recordId: string;
  label: BilingualText;
  /** The Notion person as the page shows them (name or e-mail). */
  person: string;
}

export interface OverwrittenEdit {
  entity: SyncEntity;
  recordId: string;
  label: BilingualText;
  /** Notion property names whose Notion-side edit the store's value replaced. */
  properties: string[];
}

export interface SyncFailure {
  entity: SyncEntity;
  recordId: string;
  label: BilingualText;
  reason: BilingualText;
}

export interface SyncSummary {
  startedAt: string;
  finishedAt: string;
  counts: Record<SyncEntity, EntityCounts>;
  /** The record kinds this run covered (people only when their database is set). */
  synced: SyncEntity[];
  /** What the run noticed and left as it is, for someone to look at (a data source added to a database…). */
  warnings: BilingualText[];
  pulled: PulledChange[];
  overwritten: OverwrittenEdit[];
  failures: SyncFailure[];
  /** Action items created in Notion, taken into the store with a new Corridor ID. */
  adopted: Array<{ recordId: string; label: BilingualText }>;
  /** Pages without a Corridor ID left as they are. */
  unlinked: UnlinkedPage[];
  unknownPeople: UnknownPerson[];
  /** Extra pages carrying the same Corridor ID, moved to the trash. */
  duplicatesArchived: Array<{ entity: SyncEntity; recordId: string; pageId: string }>;
  /** Why the sync could not run at all, or stopped (not configured, schema, token, Notion not answering…); null when it ran. */
  aborted: BilingualText | null;
  /** Set when Notion stopped answering and the run stopped short (`aborted` says so in one line). */
  interrupted: SyncInterruption | null;
  /** Set when another sync was running: this one did not start. */
  alreadyRunning: RunningSync | null;
  /** HTTP requests sent to Notion, retries included. */
  requests: number;
}

export interface SyncInterruption {
  kind: UnansweredKind;
  /** Records gone through (written, unchanged or failed) before the stop. */
  done: number;
  /** Records left for the next run. */
  remaining: number;
}

/** The sync under way elsewhere, as far as its lease tells. */
export interface RunningSync {
  /** The replica running it (host:pid:tag), when known. */
  replica: string | null;
  /** When it started (ISO instant), when known. */
  since: string | null;
}

export function emptyCounts(): EntityCounts {
  return { created: 0, updated: 0, unchanged: 0, archived: 0, pulled: 0, failed: 0 };
}

export function emptySummary(startedAt: Date): SyncSummary {
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    counts: { partner: emptyCounts(), action: emptyCounts(), person: emptyCounts(), event: emptyCounts() },
    synced: ['partner', 'action'],
    warnings: [],
    pulled: [],
    overwritten: [],
    adopted: [],
    unlinked: [],
    unknownPeople: [],
    failures: [],
    duplicatesArchived: [],
    aborted: null,
    interrupted: null,
    alreadyRunning: null,
    requests: 0,
  };
}

/** The one line saying that Notion stopped answering, what was done and what remains. */
export function notAnsweringReason(interruption: SyncInterruption, unanswered: number): BilingualText {
  const { kind, done, remaining } = interruption;
  return bothLanguages((words) => {
    const errors = words.notion.errors;
    return errors.notAnswering(errors.unanswered[kind](unanswered), done, done + remaining, remaining);
  });
}

/** One line: a sync is already running (where and since when, if known), so this one did not start. */
export function alreadyRunningText(running: RunningSync, lang: Lang): string {
  const since = running.since ? `${running.since.slice(0, 10)} ${running.since.slice(11, 16)} UTC` : null;
  return catalogue(lang).notion.summary.alreadyRunning(running.replica, since);
}

/** Whether the run should be reported as failed (non-zero exit). */
export function syncFailed(summary: SyncSummary): boolean {
  return summary.aborted !== null || totalCounts(summary).failed > 0;
}

/** The record kinds of the run, in the order it goes through them. */
export function syncedEntities(summary: SyncSummary): SyncEntity[] {
  return SYNC_ENTITIES.filter((entity) => summary.synced.includes(entity));
}

/** Sum of every entity's counts. */
export function totalCounts(summary: SyncSummary): EntityCounts {
  const total = emptyCounts();
  for (const counts of Object.values(summary.counts)) {
    for (const key of Object.keys(total) as Array<keyof EntityCounts>) total[key] += counts[key];
  }
  return total;
}

const COUNT_KEYS = ['created', 'updated', 'unchanged', 'archived', 'pulled', 'failed'] as const;
const LIST_LIMIT = 10;

/** One entity's counts on one line. */
export function countsLine(counts: EntityCounts, lang: Lang): string {
  const words = catalogue(lang).notion.summary;
  return COUNT_KEYS.map((key) => words[key](counts[key])).join(', ');
}

function limited(lines: string[], lang: Lang): string[] {
  if (lines.length <= LIST_LIMIT) return lines;
  return [...lines.slice(0, LIST_LIMIT), catalogue(lang).common.andMore(lines.length - LIST_LIMIT)];
}

export interface SummarySection {
  heading: string;
  lines: string[];
}

/** One pulled field, as the summary shows it: statuses in words, empty values as "none". */
function pulledFieldText(change: PulledChange['changes'][number], lang: Lang): string {
  const words = catalogue(lang);
  const shown = (value: string | null) => {
    if (value === null || value === '') return words.notion.summary.none;
    const status = actionStatus.safeParse(value);
    return change.field === 'status' && status.success ? words.actionStatus[status.data] : value;
  };
  return words.notion.summary.pulledField[change.field](shown(change.from), shown(change.to));
}

function pulledSection(summary: SyncSummary, lang: Lang): SummarySection | undefined {
  if (summary.pulled.length === 0) return undefined;
  const words = catalogue(lang).notion.summary;
  const lines = summary.pulled.map((pulled) =>
    words.pulledLine(pulled.label[lang], pulled.changes.map((change) => pulledFieldText(change, lang)).join(words.pulledSeparator)),
  );
  return { heading: words.pulledHeading, lines };
}

/** What came from Notion without a Corridor ID: adopted action items, pages left as they are, unknown people. */
function notionOnlySections(summary: SyncSummary, lang: Lang): SummarySection[] {
  const words = catalogue(lang).notion;
  const sections: SummarySection[] = [];
  if (summary.adopted.length > 0) {
    sections.push({ heading: words.summary.adoptedHeading, lines: summary.adopted.map((item) => words.summary.adoptedLine(item.label[lang], item.recordId)) });
  }
  if (summary.unlinked.length > 0) {
    const lines = summary.unlinked.map((page) => words.summary.unlinkedLine(words.entity[page.entity], page.title, page.url));
    sections.push({ heading: words.summary.unlinkedHeading, lines });
  }
  if (summary.unknownPeople.length > 0) {
    const lines = summary.unknownPeople.map((item) => words.summary.unknownPersonLine(item.label[lang], item.person));
    sections.push({ heading: words.summary.unknownPeopleHeading, lines });
  }
  return sections;
}

/** The lists under the counts (pulled, overwritten, failed, duplicates…), each cut to a readable length. */
export function summarySections(summary: SyncSummary, lang: Lang): SummarySection[] {
  const summaryWords = catalogue(lang).notion.summary;
  const result: SummarySection[] = [];
  const pulled = pulledSection(summary, lang);
  if (pulled) result.push(pulled);
  if (summary.overwritten.length > 0) {
    result.push({
      heading: summaryWords.overwrittenHeading,
      lines: summary.overwritten.map((edit) => summaryWords.overwrittenLine(edit.label[lang], edit.properties.join(', '))),
    });
  }
  result.push(...notionOnlySections(summary, lang));
  if (summary.warnings.length > 0) {
    result.push({ heading: catalogue(lang).notionRun.warningsHeading, lines: summary.warnings.map((warning) => warning[lang]) });
  }
  const failures = summary.failures.map((failure) => summaryWords.failedLine(failure.label[lang], failure.reason[lang]));
  const duplicates = summary.duplicatesArchived.map((duplicate) =>
    summaryWords.failedLine(duplicate.recordId, summaryWords.duplicateArchived),
  );
  if (failures.length > 0) result.push({ heading: summaryWords.failedHeading, lines: failures });
  if (duplicates.length > 0) result.push({ heading: summaryWords.duplicateArchived, lines: duplicates });
  return result.map((section) => ({ ...section, lines: limited(section.lines, lang) }));
}

/** The closing line: all good, how many failed, why it stopped or that another sync runs. */
export function summaryConclusion(summary: SyncSummary, lang: Lang): string {
  const words = catalogue(lang).notion.summary;
  if (summary.alreadyRunning) return alreadyRunningText(summary.alreadyRunning, lang);
  if (summary.aborted) return words.aborted(summary.aborted[lang]);
  const failed = totalCounts(summary).failed;
  return failed > 0 ? words.someFailed(failed) : words.allGood;
}

/**
 * Plain-text summary, as `npm run sync` prints it. Page titles and error texts come from Notion
 * as they are: for Slack's `text`, use renderSyncSummaryFallback (src/slack/views/sync-summary-view.ts).
 */
export function renderSyncSummaryText(summary: SyncSummary, lang: Lang): string {
  const words = catalogue(lang).notion;
  const lines = [words.summary.title];
  if (!summary.aborted && !summary.alreadyRunning) {
    for (const entity of syncedEntities(summary)) {
      lines.push(words.summary.labelled(words.entityPlural[entity], countsLine(summary.counts[entity], lang)));
    }
  }
  for (const section of summarySections(summary, lang)) {
    lines.push(words.summary.labelled(section.heading, '').trimEnd(), ...section.lines.map((line) => `  • ${line}`));
  }
  lines.push(summaryConclusion(summary, lang));
  if (summary.requests > 0) lines.push(words.summary.requests(summary.requests));
  return lines.join('\n');
}

import type { KnownBlock } from '@slack/types';
import { catalogue, type Lang } from '../../i18n/index.js';
import {
  countsLine,
  renderSyncSummaryText,
  summaryConclusion,
  summarySections,
  syncedEntities,
  type SyncSummary,
} from '../../notion/sync-summary.js';
import { context, fieldsSection, header, lineSections } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/** Block Kit summary, as `/corridor sync` shows it. */
export function renderSyncSummaryBlocks(summary: SyncSummary, lang: Lang): KnownBlock[] {
  const words = catalogue(lang).notion;
  const blocks: KnownBlock[] = [header(words.summary.title)];
  if (!summary.aborted && !summary.alreadyRunning) {
    const counts = fieldsSection(
      syncedEntities(summary).map((entity) => [words.entityPlural[entity], countsLine(summary.counts[entity], lang)]),
    );
    if (counts) blocks.push(counts);
  }
  for (const part of summarySections(summary, lang)) {
    blocks.push(...lineSections([`*${escapeMrkdwn(part.heading)}*`, ...part.lines.map((line) => `• ${escapeMrkdwn(line)}`)]));
  }
  const closing = [escapeMrkdwn(summaryConclusion(summary, lang))];
  if (summary.requests > 0) closing.push(words.summary.requests(summary.requests));
  blocks.push(context(...closing));
  return blocks;
}

/**
 * The plain-text summary as Slack's `text` (notifications, screen readers): Slack reads it as
 * mrkdwn too, so Notion's text is escaped as in the blocks (a `<!channel>` page title pings no one).
 */
export function renderSyncSummaryFallback(summary: SyncSummary, lang: Lang): string {
  return escapeMrkdwn(renderSyncSummaryText(summary, lang));
}

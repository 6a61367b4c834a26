import type { ReportFigures } from '../domain/report-figures.js';
import { changeGroupLines } from '../i18n/change-words.js';
import { formatReportPeriod } from '../i18n/format.js';
import { catalogue, type Lang } from '../i18n/index.js';

/** Names a summary line gives per kind of change: a paragraph, not a list. */
const SUMMARY_NAMES = 5;

/**
 * The period in one paragraph, for the monthly post: the headline figures, then what changed in
 * the digest's words. Plain text: the poster escapes it for its surface.
 */
export function reportSummary(figures: ReportFigures, lang: Lang): string {
  const t = catalogue(lang);
  const { headline, changes, audience } = figures;
  const changeCount = changes.partners.length + changes.events.length + changes.actions.length;
  const sentence = t.report.summary(formatReportPeriod(figures.period, lang), headline.signatories, headline.pending, headline.eventsInPeriod, headline.openActions, changeCount);
  const lines = changeGroupLines(changes, lang, t, audience, { text: (text) => text, person: (userId) => userId, cap: SUMMARY_NAMES });
  return lines.length ? `${sentence} ${lines.map((line) => `${line}.`).join(' ')}` : sentence;
}

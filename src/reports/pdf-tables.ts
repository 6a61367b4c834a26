import type { ReportFigures } from '../domain/report-figures.js';
import { RESTING_STAGES } from '../domain/stages.js';
import { formatDate } from '../i18n/format.js';
import { catalogue, type Lang } from '../i18n/index.js';

export interface TableCells {
  header: string[];
  rows: string[][];
  /** Column widths in points, adding up to the text width. */
  widths: number[];
}

/** Nothing known: a dash, not a word. */
const NONE = '—';

/**
 * The partners table: name, jurisdiction, status or stage, since when; the last contact in
 * internal copies only. Outside, a paused or declined adhesion reads "adhesion in progress".
 */
export function pdfPartnerRows(figures: ReportFigures, lang: Lang): TableCells {
  const t = catalogue(lang);
  const inside = figures.audience === 'internal';
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const rows = figures.partners.map(({ partner, stage, lastContact }) => {
    const hidden = !inside && stage !== undefined && RESTING_STAGES.includes(stage.name);
    const where =
      partner.status === 'signatory' && (!stage || stage.name === 'signed')
        ? t.status.signatory
        : stage
          ? capital(hidden ? t.stages.inProgress : t.stages.name[stage.name])
          : t.status.pending;
    const since = stage?.since ?? partner.joinedOn ?? partner.pendingSince;
    return [
      partner.name,
      partner.jurisdiction ? t.jurisdiction[partner.jurisdiction] : NONE,
      where,
      since ? formatDate(since, lang) : NONE,
      ...(inside ? [lastContact ? formatDate(lastContact, lang) : NONE] : []),
    ];
  });
  const columns = t.report.columns;
  return inside
    ? { header: [columns.name, columns.jurisdiction, columns.stage, columns.since, columns.lastContact], rows, widths: [170, 85, 90, 75, 75] }
    : { header: [columns.name, columns.jurisdiction, columns.stage, columns.since], rows, widths: [200, 100, 105, 90] };
}

/** Internal copies: each open action item with its track, owner and due date, lateness said. */
export function pdfOpenItemRows(figures: ReportFigures, lang: Lang): TableCells {
  const t = catalogue(lang);
  const tracks = new Map(figures.tracks.flatMap(({ track }) => (track ? [[track.id, track.position] as const] : [])));
  const rows = figures.openItems.map(({ item, overdue }) => {
    const position = item.trackId ? tracks.get(item.trackId) : undefined;
    const due = item.dueOn ? formatDate(item.dueOn, lang) : NONE;
    return [item.title[lang], position ? t.report.track(position) : t.report.otherTrack, item.ownerUserId ?? NONE, overdue ? t.report.overdueMark(due) : due];
  });
  const columns = t.report.itemColumns;
  return { header: [columns.item, columns.track, columns.owner, columns.due], rows, widths: [235, 70, 85, 105] };
}

/** Internal copies: the contact log's entries of the period. */
export function pdfContactRows(figures: ReportFigures, lang: Lang): TableCells {
  const t = catalogue(lang);
  const names = new Map(figures.partners.map(({ partner }) => [partner.id, partner.name]));
  const rows = figures.contacts.map((entry) => [formatDate(entry.on, lang), names.get(entry.partnerId) ?? entry.partnerId, t.contactLog.kinds[entry.kind], entry.text]);
  const columns = t.report.contactColumns;
  return { header: [t.fields.date, columns.partner, columns.kind, columns.text], rows, widths: [80, 110, 55, 250] };
}

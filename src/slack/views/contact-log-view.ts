import type { KnownBlock } from '@slack/types';
import { contactsOf, followUpOverdue, type ContactSummary } from '../../domain/contact-log.js';
import type { ContactEntry, Partner } from '../../domain/types.js';
import { formatDate, formatSpan } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, header, lineSections, type Reply } from '../blocks.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';

/** Entries a list shows; older ones are counted. */
const LIST_MAX = 20;

/** One entry: its day, kind and author, then what was said. */
export function contactEntryText(entry: ContactEntry, lang: Lang, t: Catalogue): string {
  const author = /^[UW][A-Z0-9]{2,}$/.test(entry.author) ? mentionUser(entry.author) : escapeMrkdwn(entry.author);
  const head = t.contactLog.entry(formatDate(entry.on, lang), t.contactLog.kinds[entry.kind], author);
  const next = entry.nextFollowUpOn ? ` · ${t.contactLog.nextFollowUp(formatDate(entry.nextFollowUpOn, lang))}` : '';
  return `${head}${next}\n${escapeMrkdwn(entry.text)}`;
}

/** `/corridor log <partner>`: the partner's entries, newest first. */
export function contactLogView(partner: Partner, entries: readonly ContactEntry[], lang: Lang, t: Catalogue): Reply {
  const mine = contactsOf(partner.id, entries);
  const title = t.contactLog.title(partner.name);
  if (mine.length === 0) return { text: t.contactLog.none(escapeMrkdwn(partner.name)), blocks: [header(title), ...lineSections([t.contactLog.none(escapeMrkdwn(partner.name))]), context(t.contactLog.addHint)] };
  const shown = mine.slice(0, LIST_MAX);
  const blocks: KnownBlock[] = [
    header(title),
    ...lineSections(shown.map((entry) => contactEntryText(entry, lang, t))),
    ...(mine.length > shown.length ? [context(t.contactLog.more(mine.length - shown.length))] : []),
  ];
  return { text: `${title} · ${t.contactLog.lastContact(formatDate(mine[0]!.on, lang))}`, blocks };
}

/** "last contact 12 days ago · next follow-up December 15", flagged when the follow-up date has passed. */
export function contactSummaryText(summary: ContactSummary, lang: Lang, t: Catalogue, today: string): string {
  if (!summary.last && !summary.nextFollowUpOn) return '';
  const span = summary.last ? formatSpan(summary.last.on, today, lang) : undefined;
  const last = summary.last ? t.contactLog.lastContact(span ? t.contactLog.ago(span) : t.contactLog.today) : '';
  const next = summary.nextFollowUpOn
    ? followUpOverdue(summary, today)
      ? t.contactLog.followUpDue(formatDate(summary.nextFollowUpOn, lang))
      : t.contactLog.nextFollowUp(formatDate(summary.nextFollowUpOn, lang))
    : '';
  return [last, next].filter(Boolean).join(' · ');
}

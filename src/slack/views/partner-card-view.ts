import type { KnownBlock } from '@slack/types';
import { nextStepState } from '../../domain/next-step.js';
import type { Audience } from '../../domain/permissions.js';
import type { ContactEntry, Partner, Person } from '../../domain/types.js';
import { formatAge, formatDate } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, fieldsSection, header, LIMITS, section, truncate, type Reply } from '../blocks.js';
import type { ContactSummary } from '../../domain/contact-log.js';
import { contactEntryText, contactSummaryText } from './contact-log-view.js';
import { escapeMrkdwn, link, mentionUser } from '../mrkdwn.js';
import { partnerTraits } from './partner-text.js';
import { nextStepLine } from './pending-view.js';
import { stageText } from './stage-text.js';
import { stageOf } from '../../domain/stages.js';
import { fieldLabel } from './record-fields.js';

export interface PartnerCardInput {
  partner: Partner;
  people: Person[];
  lang: Lang;
  t: Catalogue;
  today: string;
  /** The public view leaves out the coordinators' side: follow-up owner and internal note. */
  audience: Audience;
  /** The partner's contact log, for the coordinators' side: what it says and its newest entries. */
  contactLog?: { summary: ContactSummary; recent: ContactEntry[] };
  /** Buttons other features attach to the card (e.g. "Mark as signed"). */
  actions?: KnownBlock[];
}

export function partnerCardView({ partner, people, lang, t, today, audience, contactLog, actions = [] }: PartnerCardInput): Reply {
  const f = t.fields;
  const inside = audience === 'internal';
  const isPending = partner.status === 'pending';
  const about = [partner.designation?.[lang], partner.officialName && partner.officialName !== partner.name ? partner.officialName : null]
    .filter((text): text is string => Boolean(text))
    .map(escapeMrkdwn);
  const fields = fieldsSection([
    [f.status, t.status[partner.status]],
    [f.stage, stageOf(partner) ? stageText(partner, lang, t, today, audience) : null],
    [f.kind, partner.kind && t.kind[partner.kind]],
    [f.jurisdiction, partner.jurisdiction && t.jurisdiction[partner.jurisdiction]],
    [f.acronym, partner.acronym && partner.acronym !== partner.name ? escapeMrkdwn(partner.acronym) : null],
    [f.aliases, partner.aliases.length > 0 ? escapeMrkdwn(partner.aliases.join(', ')) : null],
    [f.website, partner.website && link(partner.website, partner.website)],
    [f.joinedOn, partner.joinedOn && formatDate(partner.joinedOn, lang)],
    [f.pendingSince, isPending && partner.pendingSince ? formatDate(partner.pendingSince, lang) : null],
    [f.pendingFor, isPending && partner.pendingSince ? formatAge(partner.pendingSince, today, lang) : null],
    [f.nextStep, isPending && partner.nextStep ? nextStepText(partner, partner.nextStep[lang], lang, t, today, inside) : null],
    [f.nextStepDueOn, isPending && partner.nextStepDueOn ? formatDate(partner.nextStepDueOn, lang) : null],
    [f.followUp, inside && partner.followUpUserId ? mentionUser(partner.followUpUserId) : null],
  ]);
  const note = inside && partner.internalNote ? [section(`*${f.internalNote}*\n${escapeMrkdwn(partner.internalNote)}`)] : [];
  const peopleLines = people.map((person) =>
    `• ${escapeMrkdwn(person.title ? t.partner.representative(person.name, person.title[lang]) : person.name)}`,
  );
  const blocks: KnownBlock[] = [
    header(partner.name),
    ...(about.length ? [section(about.join('\n'))] : []),
    ...(fields ? [fields] : []),
    ...(peopleLines.length ? [section(`*${f.people}*\n${peopleLines.join('\n')}`)] : []),
    ...note,
    ...(inside && contactLog ? contactLogBlocks(contactLog, lang, t, today) : []),
    ...(partner.removedAt ? [context(t.partner.removed)] : []),
    ...actions,
    ...fieldSourceNotes(partner, lang, t),
    context(t.common.sourceNote),
  ];
  const traits = partnerTraits(partner, t);
  return { text: `${escapeMrkdwn(partner.name)} — ${t.status[partner.status]}${traits ? ` · ${traits}` : ''}`, blocks };
}

/** The coordinators' side of the card: last contact, next follow-up, the newest entries. */
function contactLogBlocks({ summary, recent }: NonNullable<PartnerCardInput['contactLog']>, lang: Lang, t: Catalogue, today: string): KnownBlock[] {
  const said = contactSummaryText(summary, lang, t, today);
  if (!said) return [];
  const entries = recent.map((entry) => contactEntryText(entry, lang, t));
  return [section(truncate([`*${t.contactLog.sectionTitle}* · ${said}`, ...entries].join('\n'), LIMITS.sectionText))];
}

/** Where a field's value comes from when not simply the release: one line each, above the release's. */
function fieldSourceNotes(partner: Partner, lang: Lang, t: Catalogue): KnownBlock[] {
  const lines = (partner.sources ?? []).map(({ field, source }) => t.partner.fieldSource(fieldLabel(field, t), escapeMrkdwn(source[lang])));
  return lines.length ? [context(...lines)] : [];
}

/** The next step, flagged when overdue as in `pending` and the reminder (for the coordinators only). */
function nextStepText(partner: Partner, step: string, lang: Lang, t: Catalogue, today: string, inside: boolean): string {
  return inside && nextStepState(partner, today).overdue ? `${escapeMrkdwn(step)}\n${nextStepLine(partner, lang, t, today)}` : escapeMrkdwn(step);
}

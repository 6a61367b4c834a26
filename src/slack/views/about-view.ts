import type { ActionsBlock } from '@slack/types';
import { tracksOf } from '../../domain/about.js';
import type { CorridorProfile, Partner, Person } from '../../domain/types.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, fieldsSection, header, lineSections, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';

export interface AboutInput {
  profile: CorridorProfile;
  partners: Partner[];
  contact: Person | undefined;
  /** E-mail addresses are internal: the contact's shows only when this is true (see seesInternalDetails). */
  showEmail: boolean;
  /** The coordinators' *Edit* button, where it can be clicked; none for anyone else. */
  actions: ActionsBlock[];
  lang: Lang;
  t: Catalogue;
}

/** The corridor's card: purpose, leaders and members, the sector's figures with their year and source, the four tracks. */
export function aboutView({ profile, partners, contact, showEmail, actions, lang, t }: AboutInput): Reply {
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const leaders = profile.ledByPartnerIds.map((id) => escapeMrkdwn(byId.get(id)?.name ?? id));
  const signatories = partners.filter((partner) => partner.status === 'signatory').length;
  const members = t.about.members(signatories, partners.length - signatories);
  const figures = fieldsSection(
    profile.figures.map((figure) => [
      escapeMrkdwn(figure.label[lang]),
      `${escapeMrkdwn(figure.value[lang])}\n${t.about.figureSource(String(figure.year), escapeMrkdwn(figure.source[lang]))}`,
    ]),
  );
  const tracks = tracksOf(profile).map((track) => t.actions.trackLine(track.position, escapeMrkdwn(track.title[lang])));
  const contactOrg = contact?.partnerId ? byId.get(contact.partnerId)?.name ?? '' : '';
  const contactLine =
    contact?.title
      ? t.about.contact(escapeMrkdwn(contact.name), escapeMrkdwn(contact.title[lang]), escapeMrkdwn(contactOrg), showEmail && contact.email ? escapeMrkdwn(contact.email) : null)
      : undefined;
  return {
    text: t.common.labelled(t.about.title, members.replace(/\*/g, '')),
    blocks: [
      header(t.about.title),
      section(escapeMrkdwn(profile.purpose[lang])),
      section(`${t.about.ledBy(t.common.listJoin(leaders))} ${members}`),
      ...(figures ? [section(`*${t.about.figuresTitle}*`), figures] : []),
      ...(tracks.length ? lineSections([`*${t.about.tracksTitle}*`, ...tracks]) : []),
      context(...[contactLine, escapeMrkdwn(profile.source[lang])].filter((text): text is string => Boolean(text))),
      ...actions,
    ],
  };
}

import type { CorridorProfile, Partner, Person } from '../../domain/types.js';
import { formatNumber } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, fieldsSection, header, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';

export interface AboutInput {
  profile: CorridorProfile;
  partners: Partner[];
  contact: Person | undefined;
  /** E-mail addresses are internal: the contact's shows only when this is true (see seesInternalDetails). */
  showEmail: boolean;
  lang: Lang;
  t: Catalogue;
}

export function aboutView({ profile, partners, contact, showEmail, lang, t }: AboutInput): Reply {
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const leaders = profile.ledByPartnerIds.map((id) => escapeMrkdwn(byId.get(id)?.name ?? id));
  const signatories = partners.filter((partner) => partner.status === 'signatory').length;
  const members = t.about.members(signatories, partners.length - signatories);
  const figures = fieldsSection(
    profile.figures.map((figure) => {
      const value = formatNumber(figure.value, lang, figure.unit);
      return [escapeMrkdwn(figure.label[lang]), figure.moreThan ? t.about.moreThan(value) : value];
    }),
  );
  const contactOrg = contact?.partnerId ? byId.get(contact.partnerId)?.name ?? '' : '';
  const contactLine =
    contact?.title
      ? t.about.contact(escapeMrkdwn(contact.name), escapeMrkdwn(contact.title[lang]), escapeMrkdwn(contactOrg), showEmail && contact.email ? escapeMrkdwn(contact.email) : null)
      : undefined;
  return {
    text: `${t.about.title}: ${members.replace(/\*/g, '')}`,
    blocks: [
      header(t.about.title),
      section(escapeMrkdwn(profile.purpose[lang])),
      section(`${t.about.ledBy(t.common.listJoin(leaders))} ${members}`),
      ...(figures ? [section(`*${t.about.figuresTitle}*`), figures] : []),
      context(...[contactLine, escapeMrkdwn(profile.source[lang])].filter((text): text is string => Boolean(text))),
    ],
  };
}

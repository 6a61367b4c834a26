import type { KnownBlock, ModalView } from '@slack/types';
import { tracksOf } from '../../../domain/about.js';
import { ABOUT_FIELDS as F } from '../../../domain/forms/about-form.js';
import { ABOUT_LIMITS as L, TRACK_TITLE_MAX, type CorridorProfile } from '../../../domain/types.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { section } from '../../blocks.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { bilingualInputs } from './bilingual-inputs.js';
import { modal, textInput } from './inputs.js';
import { encodeMetadata } from './metadata.js';

export interface AboutModalInput {
  profile: CorridorProfile;
  lang: Lang;
  t: Catalogue;
}

/** The about card's form: the purpose and its source, each figure's value, year and source, the four tracks' titles. */
export function aboutModal({ profile, lang, t }: AboutModalInput): ModalView {
  const a = t.aboutEdit;
  const both = { lang, t };
  const figures = profile.figures.flatMap((figure): KnownBlock[] => [
    section(`*${escapeMrkdwn(figure.label[lang])}*`),
    ...bilingualInputs({ blockIds: F.figureValue(figure.id), label: a.value, initial: figure.value, maxLength: L.figureValue, hint: a.valueHint, ...both }),
    textInput(F.figureYear(figure.id), a.year, { initial: String(figure.year), maxLength: 4, hint: a.yearHint }),
    ...bilingualInputs({ blockIds: F.figureSource(figure.id), label: a.figureSource, initial: figure.source, maxLength: L.source, ...both }),
  ]);
  const tracks = tracksOf(profile).flatMap((track) =>
    bilingualInputs({ blockIds: F.trackTitle(track.id), label: a.trackTitle(track.position), initial: track.title, maxLength: TRACK_TITLE_MAX, hint: a.trackHint, ...both }),
  );
  return modal({
    callbackId: CALLBACK_IDS.about,
    title: a.modalTitle,
    submit: t.forms.save,
    close: t.forms.cancel,
    privateMetadata: encodeMetadata({ id: profile.id, version: profile.version, lang }),
    blocks: [
      section(a.intro),
      ...bilingualInputs({ blockIds: F.purpose, label: a.purpose, initial: profile.purpose, maxLength: L.purpose, multiline: true, ...both }),
      ...bilingualInputs({ blockIds: F.source, label: a.source, initial: profile.source, maxLength: L.source, ...both }),
      section(`*${a.figuresHeading}*`),
      ...figures,
      section(`*${a.tracksHeading}*`),
      ...tracks,
    ],
  });
}

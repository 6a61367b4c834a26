import type { ModalView } from '@slack/types';
import type { Partner } from '../../domain/types.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { CALLBACK_IDS, MARK_SIGNED_DATE } from '../interaction-ids.js';
import { section } from '../blocks.js';
import { modal, plain } from './modals/inputs.js';
import { encodeMetadata, originFields, type MessageOrigin } from './modals/metadata.js';
import { partnerName } from './partner-text.js';

export interface MarkSignedModalInput {
  partner: Partner;
  /** Today in the corridor's zone: the date offered. */
  today: string;
  lang: Lang;
  t: Catalogue;
  /** The reminder clicked: updated once the partner is signed, and the way to confirm to the clicker. */
  origin?: MessageOrigin | undefined;
}

/** The small form a coordinator fills to record that a pending partner signed: just the date. */
export function markSignedModal({ partner, today, lang, t, origin }: MarkSignedModalInput): ModalView {
  return modal({
    callbackId: CALLBACK_IDS.markSigned,
    title: t.markSigned.modalTitle,
    submit: t.markSigned.submit,
    close: t.markSigned.cancel,
    // Keyed like every form: the partner, the version shown (a change meanwhile is a conflict), the form's language.
    privateMetadata: encodeMetadata({ id: partner.id, version: partner.version, lang, ...originFields(origin) }),
    blocks: [
      section(t.markSigned.intro(partnerName(partner))),
      {
        type: 'input',
        block_id: MARK_SIGNED_DATE.block,
        label: plain(t.markSigned.dateLabel),
        hint: plain(t.markSigned.dateHint),
        element: { type: 'datepicker', action_id: MARK_SIGNED_DATE.action, initial_date: today },
      },
    ],
  });
}

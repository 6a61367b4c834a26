import type { ModalView } from '@slack/types';
import type { Partner } from '../../domain/types.js';
import type { Catalogue } from '../../i18n/index.js';
import { CALLBACK_IDS, MARK_SIGNED_DATE } from '../interaction-ids.js';
import { section } from '../blocks.js';
import type { MarkSignedMetadata } from '../payloads.js';
import { partnerName } from './partner-text.js';

/** The small form a coordinator fills to record that a pending partner signed: just the date. */
export function markSignedModal(partner: Partner, today: string, t: Catalogue, metadata: MarkSignedMetadata): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.markSigned,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: t.markSigned.modalTitle },
    submit: { type: 'plain_text', text: t.markSigned.submit },
    close: { type: 'plain_text', text: t.markSigned.cancel },
    blocks: [
      section(t.markSigned.intro(partnerName(partner))),
      {
        type: 'input',
        block_id: MARK_SIGNED_DATE.block,
        label: { type: 'plain_text', text: t.markSigned.dateLabel },
        hint: { type: 'plain_text', text: t.markSigned.dateHint },
        element: { type: 'datepicker', action_id: MARK_SIGNED_DATE.action, initial_date: today },
      },
    ],
  };
}

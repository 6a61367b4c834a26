import { partnerNamedIn } from '../../../domain/partner-match.js';
import type { SlackDeps } from '../../deps.js';
import { contactModal } from '../../views/modals/contact-modal.js';
import { messageShortcut } from './message-shortcut.js';

/** *Log on a partner* on a message: the contact-log form with the message's text, a link to it, and the partner it names. */
export function logOnPartnerShortcut(deps: SlackDeps) {
  return messageShortcut(deps, async ({ lang, t, today, payload, permalink }) => {
    const partners = await deps.store.partners.list();
    const text = [payload.message.text.trim(), permalink ? t.contactLog.form.fromMessage(permalink) : ''].filter(Boolean).join('\n');
    const partner = partnerNamedIn(payload.message.text, partners);
    return contactModal({ partners, partnerId: partner?.id, text, today, lang, t, origin: { channelId: payload.channel.id } });
  });
}

import type { Catalogue } from '../../i18n/index.js';
import { section, type Reply } from '../blocks.js';
import { mentionUser } from '../mrkdwn.js';

/** Polite refusal that names who can help. */
export function refusalView(admins: readonly string[], t: Catalogue): Reply {
  const text = admins.length
    ? t.permissions.refused(t.common.listJoin(admins.map(mentionUser)), admins.length)
    : t.permissions.refusedNoAdmins;
  return { text, blocks: [section(text)] };
}

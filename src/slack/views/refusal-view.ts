import type { Audience } from '../../domain/permissions.js';
import { bothLanguages } from '../../i18n/bilingual-error.js';
import type { Catalogue } from '../../i18n/index.js';
import { section, type Reply } from '../blocks.js';
import { mentionUser } from '../mrkdwn.js';

/**
 * Polite refusal. Inside, it names who can help; to another organisation it names no one (the
 * coordinators are internal) and says it in both languages, since their Slack language may be unknown.
 */
export function refusalView(admins: readonly string[], t: Catalogue, audience: Audience): Reply {
  if (audience === 'public') return bilingualRefusal((words) => words.permissions.refusedExternal, t);
  const text = admins.length
    ? t.permissions.refused(t.common.listJoin(admins.map(mentionUser)), admins.length)
    : t.permissions.refusedNoAdmins;
  return { text, blocks: [section(text)] };
}

/** What the public view does not show (history), said in both languages, the reader's first. */
export function internalOnlyView(t: Catalogue): Reply {
  return bilingualRefusal((words) => words.permissions.internalOnly, t);
}

function bilingualRefusal(words: (t: Catalogue) => string, t: Catalogue): Reply {
  const both = bothLanguages(words);
  const text = t.locale.startsWith('fr') ? `${both.fr}\n${both.en}` : `${both.en}\n${both.fr}`;
  return { text, blocks: [section(text)] };
}

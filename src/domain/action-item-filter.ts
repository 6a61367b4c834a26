import { normalize } from './text.js';

/** Words that ask for one's own action items, or the late ones, in either language (normalised). */
const FILTER_WORDS: Record<string, 'mine' | 'overdue'> = {
  mine: 'mine',
  my: 'mine',
  me: 'mine',
  'my action items': 'mine',
  mes: 'mine',
  miennes: 'mine',
  'les miennes': 'mine',
  moi: 'mine',
  'mes actions': 'mine',
  overdue: 'overdue',
  late: 'overdue',
  'en retard': 'overdue',
  retard: 'overdue',
  retards: 'overdue',
};

/** `actions mine`, `actions en retard`: which of the two lists, or undefined for other words. */
export function actionItemFilterWord(text: string): 'mine' | 'overdue' | undefined {
  return FILTER_WORDS[normalize(text)];
}

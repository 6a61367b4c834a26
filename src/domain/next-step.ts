import { addDays } from './dates.js';
import { RESTING_STAGES, stageOf } from './stages.js';
import type { Partner } from './types.js';

/**
 * How long a pending adhesion's next step may go without a due date before it reads as overdue.
 * The press release announces the new adhesions "dans les prochaines semaines" (17 April 2025)
 * and gives no date; eight weeks is this app's reading of "the coming weeks", not a fact of the
 * release, so no due date is invented in the records: the rule flags the step instead.
 */
export const UNDATED_NEXT_STEP_WEEKS = 8;

export type NextStepState =
  | { overdue: false }
  /** Its due date has passed. */
  | { overdue: true; dueOn: string }
  /** No due date, and pending longer than UNDATED_NEXT_STEP_WEEKS. */
  | { overdue: true; undated: true };

/**
 * Whether a pending adhesion's next step is overdue on `today`. A paused or declined adhesion waits
 * on no one; an undated step is counted from the day the adhesion reached its stage.
 */
export function nextStepState(partner: Pick<Partner, 'status' | 'pendingSince' | 'nextStepDueOn' | 'stage' | 'joinedOn'>, today: string): NextStepState {
  if (partner.status !== 'pending') return { overdue: false };
  const stage = stageOf(partner);
  if (stage && RESTING_STAGES.includes(stage.name)) return { overdue: false };
  if (partner.nextStepDueOn) return partner.nextStepDueOn < today ? { overdue: true, dueOn: partner.nextStepDueOn } : { overdue: false };
  const since = stage?.since ?? partner.pendingSince;
  if (since && addDays(since, UNDATED_NEXT_STEP_WEEKS * 7) < today) return { overdue: true, undated: true };
  return { overdue: false };
}

import { StoreBusyError } from '../../store/corridor-store.js';
import { UnknownPayloads } from '../unknown-payloads.js';
import type { ClickArgs } from './clicks/click.js';
import type { SubmissionArgs } from './submissions/submission.js';

export interface ClickRoute {
  /** The button's action_id, or a pattern for keyed IDs (`partner_edit:<id>`). */
  actionId: string | RegExp;
  /** Only clicks inside the modal with this callback_id. */
  callbackId?: string;
  listener: (args: ClickArgs) => Promise<void>;
}

export interface SubmissionRoute {
  callbackId: string;
  listener: (args: SubmissionArgs) => Promise<void>;
}

/** What to answer when a listener finds the database busy (StoreBusyError: nothing was written). */
export type BusyAnswer<Args> = (args: Args) => Promise<void>;

/** What to answer in a form whose listener failed before answering: busy, or any other failure. */
export type FailureAnswer<Args> = (args: Args, error: unknown) => Promise<void>;

/**
 * Bolt runs the middleware of every registered listener for every request it receives, so one
 * Bolt listener per button made each slash command pay for all of them. One Bolt listener per
 * kind of interaction dispatches through these tables instead.
 */
export function clickRouter(routes: readonly ClickRoute[], unknown = new UnknownPayloads(), busy?: BusyAnswer<ClickArgs>) {
  return async (args: ClickArgs): Promise<void> => {
    const actionId = args.action.action_id;
    const callbackId = args.body.view?.callback_id;
    const route = routes.find(
      (candidate) => matches(candidate.actionId, actionId) && (candidate.callbackId === undefined || candidate.callbackId === callbackId),
    );
    if (route) {
      // Clicks are acknowledged at once (readClick), so the busy answer comes after the ack.
      try {
        return await route.listener(args);
      } catch (error) {
        if (!(error instanceof StoreBusyError) || !busy) throw error;
        args.logger.warn(`Button ${actionId}: ${error.message}`);
        return busy(args);
      }
    }
    // A button from an older message, or one that needs no answer: acknowledge so Slack shows no error.
    unknown.note(`button ${actionId.slice(0, 80)}`, args.logger);
    await args.ack();
  };
}

export function submissionRouter(routes: readonly SubmissionRoute[], unknown = new UnknownPayloads(), failed?: FailureAnswer<SubmissionArgs>) {
  return async (args: SubmissionArgs): Promise<void> => {
    const route = routes.find((candidate) => candidate.callbackId === args.view.callback_id);
    if (!route) {
      unknown.note(`form ${args.view.callback_id.slice(0, 80)}`, args.logger);
      await args.ack();
      return;
    }
    let acknowledged = false;
    const ack: SubmissionArgs['ack'] = (response) => {
      acknowledged = true;
      return args.ack(response);
    };
    try {
      await route.listener({ ...args, ack });
    } catch (error) {
      // Once the form is answered, its notice can no longer be shown in it.
      if (!failed || acknowledged) throw error;
      if (error instanceof StoreBusyError) args.logger.warn(`Form ${args.view.callback_id}: ${error.message}`);
      else args.logger.error(`Form ${args.view.callback_id} not saved:`, error);
      await failed(args, error);
    }
  };
}

function matches(expected: string | RegExp, actual: string): boolean {
  return typeof expected === 'string' ? expected === actual : expected.test(actual);
}

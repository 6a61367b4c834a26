/**
 * Interaction payloads as Slack sends them after a user acts on what the app showed: a modal
 * submitted (its state built from the view's own inputs, untouched ones keeping their initial
 * values), a button clicked, the Home tab opened, a searched menu typed in.
 */

export type Json = Record<string, unknown>;

interface Option {
  text: { type: string; text: string };
  value: string;
}

interface InputElement {
  type: string;
  action_id: string;
  initial_value?: string;
  initial_date?: string;
  initial_time?: string;
  initial_user?: string;
  initial_option?: Option;
  initial_options?: Option[];
  options?: Option[];
  timezone?: string;
}

const TEAM = { id: 'T0CORRIDOR', domain: 'corridor' };

function user(id: string) {
  return { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM.id };
}

/** What the user typed or picked, by block_id: text, a date, an option value, or several values. */
export type Typed = Record<string, string | string[] | null>;

/** `view.state.values` for a modal whose inputs hold their initial values, changed where `typed` says. */
export function stateFor(view: Json, typed: Typed): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  for (const block of (view.blocks as Json[]) ?? []) {
    if (block.type !== 'input') continue;
    const blockId = String(block.block_id);
    const element = block.element as InputElement;
    const given = Object.hasOwn(typed, blockId) ? typed[blockId] : undefined;
    values[blockId] = { [element.action_id]: elementState(element, given) };
  }
  return values;
}

function elementState(element: InputElement, given: string | string[] | null | undefined): Json {
  const pick = (value: string): Option => element.options?.find((option) => option.value === value) ?? { text: { type: 'plain_text', text: value }, value };
  const single = (initial: string | undefined) => (given === undefined ? (initial ?? null) : (given as string | null));
  switch (element.type) {
    case 'plain_text_input':
      return { type: element.type, value: single(element.initial_value) };
    case 'datepicker':
      return { type: element.type, selected_date: single(element.initial_date) };
    case 'timepicker':
      return { type: element.type, selected_time: single(element.initial_time), timezone: element.timezone };
    case 'users_select':
      return { type: element.type, selected_user: single(element.initial_user) };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons': {
      const value = single(element.initial_option?.value);
      return { type: element.type, selected_option: value === null ? null : pick(value) };
    }
    case 'multi_static_select':
    case 'multi_external_select': {
      const chosen = given === undefined ? (element.initial_options ?? []).map((option) => option.value) : ((given as string[] | null) ?? []);
      return { type: element.type, selected_options: chosen.map(pick) };
    }
    default:
      throw new Error(`no state for element type ${element.type}`);
  }
}

/** A view_submission for a modal the app opened (as recorded by the emulator). */
export function viewSubmission(userId: string, view: Json, typed: Typed = {}, viewId = 'V0MODAL0001'): Json {
  return {
    type: 'view_submission',
    team: TEAM,
    user: user(userId),
    api_app_id: 'A0CORRIDOR',
    token: 'legacy-verification-token',
    trigger_id: '1000000000002.1000000000003.fedcba9876543210fedcba9876543210',
    view: {
      id: viewId,
      team_id: TEAM.id,
      app_id: 'A0CORRIDOR',
      bot_id: 'B0CORRIDORBOT',
      hash: '1700000000.00000001',
      previous_view_id: null,
      root_view_id: viewId,
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
      ...view,
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      state: { values: stateFor(view, typed) },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

export interface ClickOptions {
  /** A click in a message (an ephemeral card) has a response_url; a click in the Home tab does not. */
  responseUrl?: string;
  blockId?: string;
}

/** A block_actions payload: `userId` clicked the button `actionId` carrying `value`. */
export function buttonClick(userId: string, actionId: string, value: string, { responseUrl, blockId = 'buttons' }: ClickOptions = {}): Json {
  const inMessage = responseUrl !== undefined;
  return {
    type: 'block_actions',
    team: TEAM,
    user: user(userId),
    api_app_id: 'A0CORRIDOR',
    token: 'legacy-verification-token',
    trigger_id: '1000000000004.1000000000005.00112233445566778899aabbccddeeff',
    ...(inMessage
      ? {
          container: { type: 'message', message_ts: '1700000001.000001', channel_id: 'C0CORRIDOR', is_ephemeral: true },
          channel: { id: 'C0CORRIDOR', name: 'corridor' },
          response_url: responseUrl,
        }
      : {
          container: { type: 'view', view_id: 'V0HOME0001' },
          view: { id: 'V0HOME0001', type: 'home', callback_id: '', private_metadata: '', blocks: [], state: { values: {} }, hash: 'h' },
        }),
    actions: [
      { type: 'button', action_id: actionId, block_id: blockId, value, text: { type: 'plain_text', text: 'button' }, action_ts: '1700000002.000000' },
    ],
    is_enterprise_install: false,
  };
}

/** The Events API callback for a user opening the app's Home tab (sent as JSON). */
let eventCount = 0;

/** An app_home_opened callback; each has an event_id of its own, as Slack's do (pass one to replay a delivery). */
export function appHomeOpened(userId: string, tab: 'home' | 'messages' = 'home', eventId = `Ev0HOME${userId}${(eventCount += 1)}`): Json {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0CORRIDOR',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    event: { type: 'app_home_opened', user: userId, channel: 'D0CORRIDOR', tab, event_ts: '1700000000.000100' },
    authorizations: [{ team_id: TEAM.id, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A block_suggestion: the user typed `value` in the searched menu `actionId` of `blockId`. */
export function menuSearch(userId: string, actionId: string, blockId: string, value: string): Json {
  return {
    type: 'block_suggestion',
    team: TEAM,
    user: user(userId),
    api_app_id: 'A0CORRIDOR',
    token: 'legacy-verification-token',
    action_id: actionId,
    block_id: blockId,
    value,
    container: { type: 'view', view_id: 'V0MODAL0001' },
    view: { id: 'V0MODAL0001', type: 'modal', callback_id: 'event_modal', private_metadata: '', blocks: [], state: { values: {} } },
  };
}

/**
 * A block_actions from an input with dispatch_action in an open modal: `userId` picked `value` in the
 * radio buttons or select `blockId`. `viewId` and `hash` are those Slack gave the open view.
 */
export function modalChoice(userId: string, view: Json, blockId: string, value: string, { viewId, hash }: { viewId: string; hash: string }): Json {
  const state = stateFor(view, { [blockId]: value });
  const element = (state[blockId] ?? {})[blockId] as Json;
  return {
    type: 'block_actions',
    team: TEAM,
    user: user(userId),
    api_app_id: 'A0CORRIDOR',
    token: 'legacy-verification-token',
    trigger_id: '1000000000006.1000000000007.8899aabbccddeeff0011223344556677',
    container: { type: 'view', view_id: viewId },
    view: {
      ...view,
      id: viewId,
      hash,
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      state: { values: state },
    },
    actions: [{ type: element.type, action_id: blockId, block_id: blockId, selected_option: element.selected_option, action_ts: '1700000003.000000' }],
    is_enterprise_install: false,
  };
}

/** A message shortcut (`message_action`) on a message in a channel, as Slack sends it. */
export function messageAction(
  userId: string,
  callbackId: string,
  message: { text: string; user: string; ts: string },
  { channelId = 'C0CORRIDOR', responseUrl }: { channelId?: string; responseUrl?: string } = {},
): Json {
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1733400000.000100',
    team: TEAM,
    user: user(userId),
    channel: { id: channelId, name: 'corridor' },
    callback_id: callbackId,
    trigger_id: `trigger-${userId}-${callbackId}`,
    message_ts: message.ts,
    message: { type: 'message', ...message },
    ...(responseUrl ? { response_url: responseUrl } : {}),
  };
}

import type {
  InputBlock,
  ModalView,
  PlainTextElement,
  PlainTextOption,
  KnownBlock,
} from '@slack/types';
import { truncate } from '../../blocks.js';
import { keyedActionId, PARTNER_OPTIONS_ACTION, PEOPLE_OPTIONS_ACTION } from '../../interaction-ids.js';

/** Slack's limits for modal chrome and input elements. */
export const MODAL_LIMITS = {
  title: 24,
  button: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  staticOptions: 100,
  textInput: 3000,
} as const;

export interface OptionChoice {
  value: string;
  text: string;
}

export function plain(text: string, max: number = MODAL_LIMITS.label): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export interface ModalInput {
  callbackId: string;
  title: string;
  submit?: string;
  close: string;
  privateMetadata: string;
  blocks: KnownBlock[];
}

export function modal({ callbackId, title, submit, close, privateMetadata, blocks }: ModalInput): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title, MODAL_LIMITS.title),
    ...(submit ? { submit: plain(submit, MODAL_LIMITS.button) } : {}),
    close: plain(close, MODAL_LIMITS.button),
    private_metadata: privateMetadata,
    blocks,
  };
}

interface InputOptions {
  optional?: boolean;
  hint?: string;
}

function input(blockId: string, label: string, element: InputBlock['element'], { optional = false, hint }: InputOptions): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional,
    ...(hint ? { hint: plain(hint, MODAL_LIMITS.hint) } : {}),
    element,
  };
}

export function textInput(
  blockId: string,
  label: string,
  options: InputOptions & { initial?: string | null; maxLength: number; multiline?: boolean; placeholder?: string },
): InputBlock {
  const initial = options.initial ? options.initial.slice(0, options.maxLength) : undefined;
  return input(
    blockId,
    label,
    {
      type: 'plain_text_input',
      action_id: blockId,
      max_length: Math.min(options.maxLength, MODAL_LIMITS.textInput),
      ...(options.multiline ? { multiline: true } : {}),
      ...(initial ? { initial_value: initial } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder, MODAL_LIMITS.placeholder) } : {}),
    },
    options,
  );
}

export function dateInput(blockId: string, label: string, options: InputOptions & { initial?: string | null }): InputBlock {
  return input(blockId, label, { type: 'datepicker', action_id: blockId, ...(options.initial ? { initial_date: options.initial } : {}) }, options);
}

/** A wall-clock time; Slack shows the zone under the picker and sends the time back as `HH:mm`. */
export function timeInput(blockId: string, label: string, options: InputOptions & { initial?: string | null; timeZone: string }): InputBlock {
  return input(
    blockId,
    label,
    { type: 'timepicker', action_id: blockId, timezone: options.timeZone, ...(options.initial ? { initial_time: options.initial } : {}) },
    options,
  );
}

export function userInput(blockId: string, label: string, options: InputOptions & { initial?: string | null; placeholder: string }): InputBlock {
  return input(
    blockId,
    label,
    {
      type: 'users_select',
      action_id: blockId,
      placeholder: plain(options.placeholder, MODAL_LIMITS.placeholder),
      ...(options.initial ? { initial_user: options.initial } : {}),
    },
    options,
  );
}

export function option({ value, text }: OptionChoice): PlainTextOption {
  return { text: plain(text, MODAL_LIMITS.optionText), value: value.slice(0, MODAL_LIMITS.optionValue) };
}

export function selectInput(
  blockId: string,
  label: string,
  choices: OptionChoice[],
  options: InputOptions & { initial?: string | null; placeholder: string },
): InputBlock {
  const all = choices.slice(0, MODAL_LIMITS.staticOptions).map(option);
  const initial = all.find((candidate) => candidate.value === options.initial);
  return input(
    blockId,
    label,
    {
      type: 'static_select',
      action_id: blockId,
      placeholder: plain(options.placeholder, MODAL_LIMITS.placeholder),
      options: all,
      ...(initial ? { initial_option: initial } : {}),
    },
    options,
  );
}

export function radioInput(blockId: string, label: string, choices: OptionChoice[], options: InputOptions & { initial: string }): InputBlock {
  const all = choices.map(option);
  const initial = all.find((candidate) => candidate.value === options.initial);
  return input(blockId, label, { type: 'radio_buttons', action_id: blockId, options: all, ...(initial ? { initial_option: initial } : {}) }, options);
}

/**
 * Several partners. Up to 100 choices fit a static menu; beyond Slack's 100-option limit the menu
 * becomes an external one whose options are searched as the user types (block_suggestion).
 */
export function partnersInput(
  blockId: string,
  label: string,
  choices: OptionChoice[],
  options: InputOptions & { initial: readonly string[]; placeholder: string },
): InputBlock {
  return recordsInput(blockId, label, choices, { ...options, optionsAction: PARTNER_OPTIONS_ACTION });
}

/** Several people on record, as partnersInput offers partners. */
export function peopleInput(
  blockId: string,
  label: string,
  choices: OptionChoice[],
  options: InputOptions & { initial: readonly string[]; placeholder: string },
): InputBlock {
  return recordsInput(blockId, label, choices, { ...options, optionsAction: PEOPLE_OPTIONS_ACTION });
}

/** `optionsAction`: the action_id whose options listener searches the records once they outgrow a static menu. */
function recordsInput(
  blockId: string,
  label: string,
  choices: OptionChoice[],
  options: InputOptions & { initial: readonly string[]; placeholder: string; optionsAction: string },
): InputBlock {
  const byValue = new Map(choices.map((choice) => [choice.value, choice]));
  const initial = options.initial.map((value) => option(byValue.get(value) ?? { value, text: value }));
  const placeholder = plain(options.placeholder, MODAL_LIMITS.placeholder);
  const element: InputBlock['element'] =
    choices.length <= MODAL_LIMITS.staticOptions
      ? {
          type: 'multi_static_select',
          action_id: blockId,
          placeholder,
          options: choices.map(option),
          ...(initial.length ? { initial_options: initial } : {}),
        }
      : {
          type: 'multi_external_select',
          // The action_id says which options to serve (keyed by the field: unique within the view); the block_id, which field it fills.
          action_id: keyedActionId(options.optionsAction, blockId),
          placeholder,
          min_query_length: 1,
          ...(initial.length ? { initial_options: initial } : {}),
        };
  return input(blockId, label, element, options);
}

/**
 * One partner: a static menu while the choices fit Slack's 100 options, else an external one searched
 * as the user types (block_suggestion), as partnersInput does for several.
 */
export function partnerInput(
  blockId: string,
  label: string,
  choices: OptionChoice[],
  options: InputOptions & { initial?: string | null; placeholder: string },
): InputBlock {
  if (choices.length <= MODAL_LIMITS.staticOptions) return selectInput(blockId, label, choices, options);
  const chosen = choices.find((choice) => choice.value === options.initial);
  return input(
    blockId,
    label,
    {
      type: 'external_select',
      action_id: PARTNER_OPTIONS_ACTION,
      placeholder: plain(options.placeholder, MODAL_LIMITS.placeholder),
      min_query_length: 1,
      ...(chosen ? { initial_option: option(chosen) } : {}),
    },
    options,
  );
}

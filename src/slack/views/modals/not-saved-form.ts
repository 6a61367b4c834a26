import type { KnownBlock, ModalView, PlainTextElement } from '@slack/types';
import { section } from '../../blocks.js';

/** The notice's block: found and replaced when the same form fails again. */
export const NOT_SAVED_NOTICE_BLOCK = 'form_not_saved';

/** One input's state as Slack submits it (view.state.values[block_id][action_id]). */
export interface SubmittedInput {
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_user?: string | null;
  selected_users?: string[];
  selected_option?: { text: PlainTextElement; value: string } | null;
  selected_options?: { text: PlainTextElement; value: string }[];
}

/** The submitted modal, as Slack sends it in a view_submission. */
export interface SubmittedForm {
  type: string;
  callback_id: string;
  title: PlainTextElement;
  submit: PlainTextElement | null;
  close: PlainTextElement | null;
  private_metadata: string;
  blocks: unknown[];
  state: { values: Record<string, Record<string, SubmittedInput>> };
}

const INITIAL_KEYS = ['initial_value', 'initial_date', 'initial_time', 'initial_user', 'initial_users', 'initial_option', 'initial_options'];
/** The elements the forms use, whose state maps onto those initial values (a rich text input's would not). */
const REFILLED = new Set(['plain_text_input', 'datepicker', 'timepicker', 'users_select', 'multi_users_select', 'static_select', 'external_select', 'radio_buttons', 'multi_static_select', 'multi_external_select']);

/**
 * The same form again, a notice at its top that it was not saved. Slack's field errors attach only
 * to inputs, so a failure that is no field's fault (the database busy, gone, refusing the row) would
 * read as that field being wrong; a notice above the form says what happened. Each input carries
 * what was submitted as its initial value: the values typed survive the redraw whether or not
 * Slack keeps an input's entry across an update.
 */
export function notSavedForm(form: SubmittedForm, notice: string): ModalView {
  const blocks = (form.blocks as KnownBlock[])
    .filter((block) => block.block_id !== NOT_SAVED_NOTICE_BLOCK)
    .map((block) => withSubmittedValue(block, form.state.values));
  return {
    type: 'modal',
    callback_id: form.callback_id,
    title: form.title,
    ...(form.submit ? { submit: form.submit } : {}),
    ...(form.close ? { close: form.close } : {}),
    private_metadata: form.private_metadata,
    blocks: [{ ...section(`:warning: ${notice}`), block_id: NOT_SAVED_NOTICE_BLOCK }, ...blocks],
  };
}

function withSubmittedValue(block: KnownBlock, values: SubmittedForm['state']['values']): KnownBlock {
  if (block.type !== 'input' || !block.block_id) return block;
  const element = block.element as unknown as Record<string, unknown>;
  const submitted = values[block.block_id]?.[String(element.action_id)];
  if (!submitted || !REFILLED.has(String(element.type))) return block;
  const rest = Object.fromEntries(Object.entries(element).filter(([key]) => !INITIAL_KEYS.includes(key)));
  return { ...block, element: { ...rest, ...initialOf(submitted) } as unknown as typeof block.element };
}

/** The element's initial value for what was submitted; nothing for an input left empty. */
function initialOf(input: SubmittedInput): Record<string, unknown> {
  const initial: Record<string, unknown> = {
    initial_value: input.value || undefined,
    initial_date: input.selected_date ?? undefined,
    initial_time: input.selected_time ?? undefined,
    initial_user: input.selected_user ?? undefined,
    initial_users: input.selected_users?.length ? input.selected_users : undefined,
    initial_option: input.selected_option ?? undefined,
    initial_options: input.selected_options?.length ? input.selected_options : undefined,
  };
  return Object.fromEntries(Object.entries(initial).filter(([, value]) => value !== undefined));
}

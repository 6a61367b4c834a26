import { z } from 'zod';

/**
 * What a modal's input blocks hold once submitted, flattened to one value per block:
 * text and single choices as strings, multiple choices as arrays, empty inputs as null.
 * Every input block of this app has a single element whose action_id equals its block_id.
 */
export type FieldValue = string | string[] | null;
export type FormValues = Readonly<Record<string, FieldValue>>;

const selectedOption = z.object({ value: z.string() });

/** One element's state as Slack sends it in `view.state.values[block_id][action_id]`. */
export const viewStateValue = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_option: selectedOption.nullish(),
  selected_options: z.array(selectedOption).nullish(),
  selected_users: z.array(z.string()).nullish(),
});
export type ViewStateValue = z.infer<typeof viewStateValue>;

export const viewStateValues = z.record(z.string(), z.record(z.string(), viewStateValue));
export type ViewStateValues = z.infer<typeof viewStateValues>;

/** Turns Slack's nested state into `{ block_id: value }`. */
export function flattenState(values: ViewStateValues): FormValues {
  const flat: Record<string, FieldValue> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const element = actions[blockId] ?? Object.values(actions)[0];
    if (element) flat[blockId] = valueOf(element);
  }
  return flat;
}

function valueOf(element: ViewStateValue): FieldValue {
  switch (element.type) {
    case 'datepicker':
      return element.selected_date ?? null;
    case 'timepicker':
      return element.selected_time ?? null;
    case 'users_select':
      return element.selected_user ?? null;
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return element.selected_option?.value ?? null;
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return (element.selected_options ?? []).map((option) => option.value);
    case 'multi_users_select':
      return element.selected_users ?? [];
    default:
      return element.value ?? null;
  }
}

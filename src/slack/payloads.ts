import { z } from 'zod';
import { viewStateValues } from '../domain/forms/state.js';

/** The fields of a slash command payload this app relies on. */
export const slashCommandPayload = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().default(''),
  team_id: z.string().optional(),
});
export type SlashCommandPayload = z.infer<typeof slashCommandPayload>;

/** The fields of a view_submission payload this app relies on. */
export const viewSubmissionPayload = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: viewStateValues }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof viewSubmissionPayload>;

/** The fields of a block_actions payload (a button click, a menu choice) this app relies on. */
export const blockActionsPayload = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().default(''),
  /** Present for clicks in messages (ephemeral cards included); absent in the Home tab. */
  response_url: z.string().optional(),
  /** The channel of the message clicked in (a reminder, a card); absent in the Home tab and modals. */
  channel: z.object({ id: z.string() }).optional(),
  /** The message clicked in, when it is one (a reminder is updated in place once a partner signs). */
  container: z.object({ message_ts: z.string().optional() }).optional(),
  /** The view clicked in (a modal or the Home tab), with its state when it is a modal. */
  view: z
    .object({
      id: z.string(),
      type: z.string(),
      hash: z.string().optional(),
      callback_id: z.string().optional(),
      private_metadata: z.string().optional(),
      state: z.object({ values: viewStateValues }).optional(),
    })
    .optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string().optional(),
        value: z.string().default(''),
        selected_option: z.object({ value: z.string() }).nullish(),
      }),
    )
    .min(1),
});
export type BlockActionsPayload = z.infer<typeof blockActionsPayload>;

/** A menu asking for the options matching what the user typed. */
export const blockSuggestionPayload = z.object({
  type: z.literal('block_suggestion'),
  user: z.object({ id: z.string().min(1) }),
  action_id: z.string(),
  block_id: z.string(),
  value: z.string().default(''),
});

/** channel_shared / channel_unshared: a channel gained or lost another organisation (Slack Connect). */
export const channelSharingEvent = z.object({
  type: z.enum(['channel_shared', 'channel_unshared']),
  channel: z.string().min(1),
  /** On channel_unshared: whether other organisations are still in the channel. */
  is_ext_shared: z.boolean().optional(),
});

export const appHomeOpenedEvent = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().default('home'),
});

/** A message shortcut (`message_action`): who used it, on which message, where. */
export const messageShortcutPayload = z.object({
  type: z.literal('message_action'),
  callback_id: z.string().min(1),
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }),
  message: z.object({ ts: z.string().min(1), text: z.string().default(''), user: z.string().optional() }).loose(),
  response_url: z.url().optional(),
});
export type MessageShortcutPayload = z.infer<typeof messageShortcutPayload>;

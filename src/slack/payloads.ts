import { z } from 'zod';
import { MARK_SIGNED_DATE_ACTION, MARK_SIGNED_DATE_BLOCK } from './action-ids.js';

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

/** A click on one of the reminder's buttons (block_actions). */
export const reminderButtonPayload = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().default(''),
  response_url: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type ReminderButtonPayload = z.infer<typeof reminderButtonPayload>;

/** What the mark-as-signed modal carries from the click to the submission. */
export const markSignedMetadata = z.object({
  partnerId: z.string().min(1),
  /** The partner's version when the form opened: a change meanwhile is not overwritten. */
  version: z.number().int().positive(),
  channelId: z.string().optional(),
});
export type MarkSignedMetadata = z.infer<typeof markSignedMetadata>;

/** The submitted mark-as-signed modal (view_submission). */
export const markSignedSubmission = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    private_metadata: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'private_metadata is not JSON' });
          return z.NEVER;
        }
      })
      .pipe(markSignedMetadata),
    state: z.object({
      values: z.object({
        [MARK_SIGNED_DATE_BLOCK]: z.object({ [MARK_SIGNED_DATE_ACTION]: z.object({ selected_date: z.string().nullable().optional() }) }),
      }),
    }),
  }),
});

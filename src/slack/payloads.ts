import { z } from 'zod';

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

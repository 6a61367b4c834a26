import type { Button } from '@slack/types';
import { LIMITS, truncate } from '../blocks.js';

export interface ButtonOptions {
  style?: 'primary' | 'danger';
  /** A confirmation dialog Slack shows before sending the click. */
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

const CONFIRM_TITLE = 100;
const CONFIRM_TEXT = 300;
const CONFIRM_BUTTON = 30;

export function button(text: string, actionId: string, value: string, { style, confirm }: ButtonOptions = {}): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
    ...(confirm
      ? {
          confirm: {
            title: { type: 'plain_text', text: truncate(confirm.title, CONFIRM_TITLE) },
            text: { type: 'mrkdwn', text: truncate(confirm.text, CONFIRM_TEXT) },
            confirm: { type: 'plain_text', text: truncate(confirm.confirm, CONFIRM_BUTTON) },
            deny: { type: 'plain_text', text: truncate(confirm.deny, CONFIRM_BUTTON) },
          },
        }
      : {}),
  };
}

import { expect } from 'vitest';
import { viewViolations } from './block-kit-limits.js';
import { stateFor, type Json, type Typed } from './slack-interactions.js';

/**
 * Checks what Slack received for a form that was not saved: the same form drawn again (no field
 * error pinned on an input that is not at fault), `notice` in a section at its top, and every input
 * holding what was typed, so that submitting it again untouched sends the same values. The redrawn view.
 */
export function expectFormKept(answer: unknown, opened: Json, typed: Typed, notice: string): Json {
  expect(answer).not.toHaveProperty('errors');
  expect(answer).toMatchObject({ response_action: 'update', view: { callback_id: opened.callback_id, private_metadata: opened.private_metadata } });
  const view = (answer as { view: Json }).view;
  expect(viewViolations(view)).toEqual([]);
  const [first, ...rest] = view.blocks as Json[];
  expect(first).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: expect.stringContaining(notice) } });
  expect(rest.map((block) => block.block_id)).toEqual((opened.blocks as Json[]).map((block) => block.block_id));
  expect(stateFor(view, {})).toEqual(stateFor(opened, typed));
  return view;
}

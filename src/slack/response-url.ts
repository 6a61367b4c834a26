import type { KnownBlock } from '@slack/types';
import { API_TIMEOUT_MS } from './slack-clients.js';

export interface ResponseMessage {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * Answers the user through a command's or a click's response_url, after the 3 s acknowledgement:
 * an ephemeral message that reaches them in a DM or a channel the bot has not joined, where
 * chat.postEphemeral would fail. Slack keeps the URL valid for 30 minutes and 5 answers.
 * Rejects when Slack refuses it, so the caller can log why.
 */
export async function answerThroughResponseUrl(url: string, message: ResponseMessage): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    signal: AbortSignal.timeout(API_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
}

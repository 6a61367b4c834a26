import type { Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

/** Slack's documented limits for the surfaces this app writes to. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
} as const;

export interface Reply {
  /** Plain-text fallback: notifications, screen readers, clients without Block Kit. */
  text: string;
  blocks: KnownBlock[];
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

export function section(mrkdwn: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
  if (accessory) block.accessory = accessory;
  return block;
}

/** A section of label/value pairs; pairs with no value are left out. */
export function fieldsSection(pairs: [label: string, value: string | null | undefined][]): SectionBlock | undefined {
  const fields = pairs
    .filter((pair): pair is [string, string] => Boolean(pair[1]))
    .slice(0, LIMITS.sectionFields)
    .map(([label, value]) => ({ type: 'mrkdwn' as const, text: truncate(`*${label}*\n${value}`, LIMITS.fieldText) }));
  return fields.length ? { type: 'section', fields } : undefined;
}

export function context(...mrkdwn: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) })),
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Packs lines into as few section texts as fit Slack's 3,000-character limit. */
export function packLines(lines: string[], max = LIMITS.sectionText): string[] {
  return packLinesWithin(lines, Infinity, max).chunks;
}

/** Like packLines, into at most `maxChunks` texts; `omitted` counts the lines that did not fit. */
export function packLinesWithin(lines: string[], maxChunks: number, max = LIMITS.sectionText): { chunks: string[]; omitted: number } {
  const chunks: string[] = [];
  let current = '';
  for (let index = 0; index < lines.length; index++) {
    const line = truncate(lines[index]!, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      if (chunks.length === maxChunks) return { chunks, omitted: lines.length - index };
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return { chunks, omitted: 0 };
}

/** Lines as section blocks, packed as few as fit (see packLines). */
export function lineSections(lines: string[]): SectionBlock[] {
  return packLines(lines).map((chunk) => section(chunk));
}

/**
 * Keeps a message within the block limit: when there are too many blocks, the last one kept
 * says how many were left out, instead of Slack rejecting the whole message.
 */
export function fitBlocks(blocks: KnownBlock[], moreLabel: (count: number) => string, max: number = LIMITS.messageBlocks): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(moreLabel(blocks.length - kept.length))];
}

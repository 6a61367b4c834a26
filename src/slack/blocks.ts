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
  /**
   * Characters of blocks (their JSON) a message keeps under: Slack refuses messages far smaller
   * than 50 full sections, so a long answer is cut, or paged, well before the block count.
   */
  messageChars: 12_000,
  /** The plain-text fallback: Slack shows it in notifications, a few thousand characters are plenty. */
  fallbackText: 3000,
} as const;

export interface Reply {
  /** Plain-text fallback: notifications, screen readers, clients without Block Kit. */
  text: string;
  blocks: KnownBlock[];
}

/** The reply with its fallback text cut to LIMITS.fallbackText: a list of every name found can run long. */
export function withShortText(reply: Reply): Reply {
  return reply.text.length <= LIMITS.fallbackText ? reply : { ...reply, text: truncate(reply.text, LIMITS.fallbackText) };
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

/** A block's share of a message's size: its JSON, as Slack receives it, and the comma after it. */
export function blockChars(block: KnownBlock): number {
  return JSON.stringify(block).length + 1;
}

/** What the "… and N more" line may take, kept free when blocks are cut. */
const MORE_LINE_CHARS = 300;

/**
 * Keeps a message within the block limit and its size: when there are too many blocks or too many
 * characters, the last one kept says how many were left out, instead of Slack rejecting the whole
 * message. A share of the blocks (one language of a bilingual post, a view's 100) gets the same
 * share of the characters.
 */
export function fitBlocks(blocks: KnownBlock[], moreLabel: (count: number) => string, max: number = LIMITS.messageBlocks): KnownBlock[] {
  const maxChars = Math.floor((LIMITS.messageChars * max) / LIMITS.messageBlocks);
  const sizes = blocks.map(blockChars);
  if (blocks.length <= max && sizes.reduce((sum, size) => sum + size, 2) <= maxChars) return blocks;
  let kept = 0;
  let chars = 2 + MORE_LINE_CHARS;
  while (kept < max - 1 && chars + sizes[kept]! <= maxChars) chars += sizes[kept++]!;
  return [...blocks.slice(0, kept), context(moreLabel(blocks.length - kept))];
}

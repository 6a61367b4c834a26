/** Notion refuses a rich-text item whose `text.content` is longer than this. */
export const RICH_TEXT_MAX_CHARS = 2000;
/** Notion refuses a rich-text array with more items than this. */
export const RICH_TEXT_MAX_ITEMS = 100;

export interface RichTextRequestItem {
  type: 'text';
  text: { content: string };
}

/**
 * Splits text into Notion rich-text items of at most 2,000 characters each, never cutting a
 * surrogate pair in two and preferring to cut after a space or line break. Text longer than
 * Notion accepts in one property (100 items) is cut at the last item, with an ellipsis.
 */
export function toRichText(text: string): RichTextRequestItem[] {
  const items: RichTextRequestItem[] = [];
  let rest = text;
  while (rest.length > 0) {
    if (items.length === RICH_TEXT_MAX_ITEMS - 1 && rest.length > RICH_TEXT_MAX_CHARS) {
      rest = `${rest.slice(0, safeCut(rest, RICH_TEXT_MAX_CHARS - 1))}…`;
    }
    const cut = rest.length <= RICH_TEXT_MAX_CHARS ? rest.length : preferredCut(rest);
    items.push({ type: 'text', text: { content: rest.slice(0, cut) } });
    rest = rest.slice(cut);
  }
  return items;
}

/** The plain text of a rich-text array as Notion returns it. */
export function plainText(items: ReadonlyArray<{ plain_text?: string; text?: { content: string } }>): string {
  return items.map((item) => item.plain_text ?? item.text?.content ?? '').join('');
}

function preferredCut(text: string): number {
  const hard = safeCut(text, RICH_TEXT_MAX_CHARS);
  // Look back a little for a word boundary so words are not split across items.
  const window = text.slice(hard - 200, hard);
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
  return space >= 0 ? hard - 200 + space + 1 : hard;
}

/** The largest cut ≤ limit that does not separate a surrogate pair. */
function safeCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

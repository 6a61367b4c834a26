import type { KnownBlock } from '@slack/types';

/**
 * Renders the blocks Slack would get as readable terminal text, so the local console shows
 * exactly what a Slack user would see, minus the styling.
 */
export function renderBlocksAsText(blocks: KnownBlock[], labelled: Labelled = englishLabelled): string {
  return blocks.map((block) => renderBlock(block, labelled)).filter((text) => text !== '').join('\n');
}

/** How a field's label and value join: "Status: Signatory", "Statut : Signataire". */
type Labelled = (label: string, value: string) => string;
const englishLabelled: Labelled = (label, value) => `${label}: ${value}`;

function renderBlock(block: KnownBlock, labelled: Labelled): string {
  switch (block.type) {
    case 'header':
      return `\n${plain(block.text.text).toUpperCase()}\n${'═'.repeat(Math.min(60, block.text.text.length))}`;
    case 'section': {
      const text = block.text ? plain(block.text.text) : '';
      const fields = (block.fields ?? []).map((field) => {
        const [label, ...value] = plain(field.text).split('\n');
        return value.length ? labelled(label!, value.join('\n')) : label!;
      });
      const accessory = block.accessory?.type === 'button' ? `  [${plain(block.accessory.text.text)}]` : '';
      return [text + accessory, ...fields.map((field) => `  ${field}`)].filter(Boolean).join('\n');
    }
    case 'context':
      return block.elements.map((element) => ('text' in element ? `  ${plain(element.text)}` : '')).join('\n');
    case 'divider':
      return '────────────────────────────────────────';
    case 'actions':
      return block.elements
        .map((element) => ('text' in element && element.text ? `[${plain(element.text.text)}]` : ''))
        .filter(Boolean)
        .join(' ');
    default:
      return '';
  }
}

/** mrkdwn → plain text: links show their label and address, mentions their ID, entities decoded. */
export function plain(mrkdwn: string): string {
  return mrkdwn
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2')
    .replace(/(^|[\s(])~([^~\n]+)~/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

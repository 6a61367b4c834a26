import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../domain/lang.js';
import type { Catalogue } from '../../i18n/index.js';
import { blockChars, context, divider, header, LIMITS, section, truncate, type Reply } from '../blocks.js';
import { ACTION_IDS } from '../interaction-ids.js';
import { button } from './buttons.js';

/** One record of a list: its mrkdwn, and the heading of the group it belongs to (a status, a track). */
export interface ListEntry {
  text: string;
  group?: string;
  /** A line about the group rather than a record ("no action item yet"): not counted among those left. */
  note?: true;
}

export interface PagedList {
  title: string;
  /** The counts, under the title on every page. */
  summary?: string;
  entries: readonly ListEntry[];
  /** 'lines': entries are lines packed into sections; 'sections': each entry (several lines) a section of its own. */
  layout?: 'lines' | 'sections';
  page: number;
  /**
   * How the reader asks for another page: the command as typed in their language without `page N`
   * (`partenaires nh`). Without it, the first page says how many are left out.
   */
  paging?: { command: string; lang: Lang };
  /** A closing line (how to open one record's card). */
  hint?: string;
  t: Catalogue;
}

/** Which page to show, and how the reader asks for the others. */
export type PageChoice = Pick<PagedList, 'page' | 'paging'>;

/** The first page, with no way to ask for the others: those left out are counted. */
export const FIRST_PAGE: PageChoice = { page: 1 };

/**
 * What one page's entries may take: the frame (title, counts, page line, *More*, hint) keeps the
 * rest of Slack's 50 blocks and of the message's characters (LIMITS.messageChars).
 */
export const PAGE_BUDGET = { blocks: 40, chars: 8_500 } as const;

/** A command longer than this is not repeated in the page line and the button. */
const MAX_PAGING_COMMAND = 300;

/**
 * A long list one page at a time, every page within Slack's limits: the same entries always cut
 * into the same pages, so that page after page the reader sees each entry once. A page past the
 * last gets a polite answer.
 */
export function pagedListView(list: PagedList): Reply {
  const { t, page } = list;
  const pages = paginate(list.entries, list.layout ?? 'lines');
  // An empty list is one page: its title and counts.
  if (pages.length === 0) pages.push([]);
  const paging = list.paging && list.paging.command.length <= MAX_PAGING_COMMAND ? list.paging : undefined;
  if (page > pages.length) {
    const said = t.paging.beyond(page, pages.length, paging ? typedPage(paging.command, 1) : '');
    return { text: said, blocks: [header(list.title), section(said)] };
  }
  const counts = pages.length > 1 ? t.paging.pageOf(page, pages.length) : '';
  const summary = [list.summary, counts].filter(Boolean).join(' · ');
  const blocks: KnownBlock[] = [
    header(list.title),
    ...(summary ? [context(summary)] : []),
    ...pageBlocks(pages[page - 1]!, list.layout ?? 'lines'),
    ...pagingBlocks(page, pages, paging, t),
    ...(list.hint ? [context(list.hint)] : []),
  ];
  return { text: truncate(t.common.labelled(list.title, summary || String(list.entries.length)), LIMITS.sectionText), blocks };
}

/** `/corridor partenaires nh page 3`: what the reader types for a page. */
function typedPage(command: string, page: number): string {
  return `/corridor ${command} page ${page}`.replace(/\s+/g, ' ');
}

function pagingBlocks(page: number, pages: readonly (readonly ListEntry[])[], paging: PagedList['paging'], t: Catalogue): KnownBlock[] {
  if (pages.length === 1) return [];
  if (page === pages.length) return [context(t.paging.last(pages.length))];
  const later = pages.slice(page).reduce((sum, entries) => sum + entries.filter((entry) => !entry.note).length, 0);
  if (!paging) return [context(t.common.andMore(later))];
  const next = `${paging.command} page ${page + 1} --${paging.lang}`;
  return [
    context(t.paging.next(later, `\`${typedPage(paging.command, page + 1)}\``)),
    { type: 'actions', block_id: 'list_paging', elements: [button(t.paging.more, ACTION_IDS.listMore, next)] },
  ];
}

/**
 * Cuts the entries into pages, in order, each as full as PAGE_BUDGET allows, measured on the very
 * blocks the page will show (a group's heading again atop a page it continues).
 */
export function paginate(entries: readonly ListEntry[], layout: PagedList['layout'] = 'lines'): ListEntry[][] {
  const pages: ListEntry[][] = [];
  let page = new PageLayout(layout);
  let current: ListEntry[] = [];
  for (const entry of entries) {
    const steps = page.stepsFor(entry);
    const { blocks, chars } = page.costWith(steps);
    if (current.length > 0 && (blocks > PAGE_BUDGET.blocks || chars > PAGE_BUDGET.chars)) {
      pages.push(current);
      current = [];
      page = new PageLayout(layout);
      page.apply(entry);
    } else {
      page.apply(entry, steps);
    }
    current.push(entry);
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

function pageBlocks(entries: readonly ListEntry[], layout: PagedList['layout']): KnownBlock[] {
  const page = new PageLayout(layout);
  for (const entry of entries) page.apply(entry);
  return page.blocks();
}

type Step = { kind: 'divider' } | { kind: 'section'; text: string } | { kind: 'line'; text: string };

const SECTION_CHARS = blockChars(section('x')) - 1;
const DIVIDER_CHARS = blockChars(divider());

/**
 * A line's characters once in a block's JSON: escaped, without its quotes. Counted rather than
 * written out, since every line of a list of thousands is measured on every page asked for.
 */
export function jsonChars(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) length += 1;
    else if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff && !isPaired(text, index))) length += 5;
    else if (code >= 0xd800 && code <= 0xdbff) index += 1;
  }
  return length;
}

/** A surrogate JSON.stringify writes as is: the high half of a pair, or the low half after one. */
function isPaired(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const previous = text.charCodeAt(index - 1);
  return previous >= 0xd800 && previous <= 0xdbff;
}

/**
 * One page's blocks, built entry by entry: each group under a divider and its heading; entries
 * as lines packed into sections of at most 3,000 characters, or each a section of its own. The
 * size of each step is known before it is taken, so that the page never goes past its budget.
 */
class PageLayout {
  private readonly parts: ({ kind: 'divider' } | { kind: 'section'; lines: string[]; length: number })[] = [];
  private group: string | undefined;
  private started = false;
  private blockCount = 0;
  private charCount = 0;

  constructor(private readonly layout: PagedList['layout']) {}

  stepsFor(entry: ListEntry): Step[] {
    const steps: Step[] = [];
    const line = truncate(entry.text, LIMITS.sectionText);
    const newGroup = !this.started || entry.group !== this.group;
    if (newGroup && entry.group !== undefined) {
      steps.push({ kind: 'divider' }, { kind: 'section', text: truncate(entry.group, LIMITS.sectionText) });
      // The heading opens the section its first entry goes on.
      steps.push(this.fits(entry.group.length, line) ? { kind: 'line', text: line } : { kind: 'section', text: line });
      return steps;
    }
    const open = this.parts.at(-1);
    const packs = this.layout === 'lines' && !newGroup && open?.kind === 'section' && this.fits(open.length, line);
    steps.push(packs ? { kind: 'line', text: line } : { kind: 'section', text: line });
    return steps;
  }

  private fits(length: number, line: string): boolean {
    return length + 1 + line.length <= LIMITS.sectionText;
  }

  costWith(steps: readonly Step[]): { blocks: number; chars: number } {
    let { blockCount: blocks, charCount: chars } = this;
    for (const step of steps) {
      if (step.kind === 'divider') [blocks, chars] = [blocks + 1, chars + DIVIDER_CHARS];
      else if (step.kind === 'section') [blocks, chars] = [blocks + 1, chars + SECTION_CHARS + jsonChars(step.text)];
      else chars += 2 + jsonChars(step.text);
    }
    return { blocks, chars };
  }

  apply(entry: ListEntry, steps: readonly Step[] = this.stepsFor(entry)): void {
    const cost = this.costWith(steps);
    for (const step of steps) {
      const open = this.parts.at(-1);
      if (step.kind === 'divider') this.parts.push({ kind: 'divider' });
      else if (step.kind === 'section' || open?.kind !== 'section') this.parts.push({ kind: 'section', lines: [step.text], length: step.text.length });
      else {
        open.lines.push(step.text);
        open.length += 1 + step.text.length;
      }
    }
    [this.blockCount, this.charCount] = [cost.blocks, cost.chars];
    this.started = true;
    this.group = entry.group;
  }

  blocks(): KnownBlock[] {
    return this.parts.map((part) => (part.kind === 'divider' ? divider() : section(part.lines.join('\n'))));
  }
}

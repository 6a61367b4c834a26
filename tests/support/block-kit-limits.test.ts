import { describe, expect, it } from 'vitest';
import { blockKitViolations, viewViolations } from './block-kit-limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (actionId: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  text: plain('Go'),
  action_id: actionId,
  ...extra,
});
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });
const input = (label = 'Site') => ({
  type: 'input',
  label: plain(label),
  element: { type: 'plain_text_input', action_id: `input_${label}` },
});
const sections = (count: number) => Array.from({ length: count }, (_, i) => section(`line ${i}`));
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('New visit'),
  submit: plain('Save'),
  close: plain('Cancel'),
  blocks: [input()],
  ...extra,
});

describe('blockKitViolations', () => {
  it('accepts a realistic message', () => {
    const blocks = [
      { type: 'header', text: plain('Corridor digest'), block_id: 'digest_header' },
      { type: 'section', text: mrkdwn('*3* visits this week'), accessory: button('open_digest') },
      { type: 'section', fields: [mrkdwn('*Site*'), plain('Bromont'), mrkdwn('*When*'), plain('Tue')] },
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'image', image_url: 'https://example.com/a.png', alt_text: 'a' }, plain('fr-CA')] },
      actions(button('approve', { style: 'primary', value: 'visit-1' }), button('decline', { style: 'danger' })),
    ];
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });

  it('reports problems in the same shape as Slack, with a json-pointer', () => {
    expect(blockKitViolations([{ type: 'header', text: plain('x'.repeat(151)) }], 'message')).toEqual([
      'must be at most 150 characters (got 151) [json-pointer:/blocks/0/text/text]',
    ]);
  });

  it('requires an array of block objects', () => {
    expect(blockKitViolations({ type: 'section' }, 'message')).toEqual(['must be an array of blocks [json-pointer:/blocks]']);
    expect(blockKitViolations(['section'], 'message')).toEqual(['must be a block object [json-pointer:/blocks/0]']);
  });

  it.each([
    ['message', 50],
    ['modal', 100],
    ['home', 100],
  ] as const)('allows at most %s blocks in a %s', (surface, max) => {
    expect(blockKitViolations(sections(max), surface)).toEqual([]);
    expect(blockKitViolations(sections(max + 1), surface)).toEqual([
      `must have at most ${max} blocks in a ${surface} (got ${max + 1}) [json-pointer:/blocks]`,
    ]);
  });

  it('limits block_id to 255 characters and requires it to be unique', () => {
    expect(blockKitViolations([{ type: 'divider', block_id: 'b'.repeat(255) }], 'message')).toEqual([]);
    expect(blockKitViolations([{ type: 'divider', block_id: 'b'.repeat(256) }], 'message')).toEqual([
      'must be at most 255 characters (got 256) [json-pointer:/blocks/0/block_id]',
    ]);
    const duplicated = [
      { type: 'divider', block_id: 'same' },
      { type: 'divider', block_id: 'same' },
    ];
    expect(blockKitViolations(duplicated, 'message')).toEqual(['duplicate block_id "same" [json-pointer:/blocks/1/block_id]']);
  });

  it('flags unknown block types', () => {
    expect(blockKitViolations([{ type: 'sectoin', text: mrkdwn('hi') }], 'message')).toEqual([
      'unknown block type "sectoin" [json-pointer:/blocks/0/type]',
    ]);
  });

  describe('section', () => {
    it('limits text to 3000 characters', () => {
      expect(blockKitViolations([section('x'.repeat(3000))], 'message')).toEqual([]);
      expect(blockKitViolations([section('x'.repeat(3001))], 'message')).toEqual([
        'must be at most 3000 characters (got 3001) [json-pointer:/blocks/0/text/text]',
      ]);
    });

    it('counts characters, not UTF-16 code units', () => {
      expect(blockKitViolations([section('🚚'.repeat(3000))], 'message')).toEqual([]);
    });

    it('allows at most 10 fields of at most 2000 characters each', () => {
      const fields = (count: number) => Array.from({ length: count }, (_, i) => plain(`f${i}`));
      expect(blockKitViolations([{ type: 'section', fields: fields(10) }], 'message')).toEqual([]);
      expect(blockKitViolations([{ type: 'section', fields: fields(11) }], 'message')).toEqual([
        'must have at most 10 fields (got 11) [json-pointer:/blocks/0/fields]',
      ]);
      expect(blockKitViolations([{ type: 'section', fields: [mrkdwn('x'.repeat(2001))] }], 'message')).toEqual([
        'must be at most 2000 characters (got 2001) [json-pointer:/blocks/0/fields/0/text]',
      ]);
    });

    it('needs text or fields', () => {
      expect(blockKitViolations([{ type: 'section' }], 'message')).toEqual([
        'section must have text or fields [json-pointer:/blocks/0]',
      ]);
      expect(blockKitViolations([{ type: 'section', fields: [] }], 'message')).toEqual([
        'section must have text or fields [json-pointer:/blocks/0]',
      ]);
    });

    it('checks its accessory element', () => {
      const block = { type: 'section', text: mrkdwn('hi'), accessory: button('go', { style: 'secondary' }) };
      expect(blockKitViolations([block], 'message')).toEqual([
        'style must be primary or danger (got "secondary") [json-pointer:/blocks/0/accessory/style]',
      ]);
    });
  });

  describe('header', () => {
    it('takes plain_text only, up to 150 characters', () => {
      expect(blockKitViolations([{ type: 'header', text: plain('x'.repeat(150)) }], 'message')).toEqual([]);
      expect(blockKitViolations([{ type: 'header', text: mrkdwn('*bold*') }], 'message')).toEqual([
        'must be a plain_text text object [json-pointer:/blocks/0/text/type]',
      ]);
    });
  });

  describe('context', () => {
    it('allows at most 10 elements', () => {
      const elements = (count: number) => Array.from({ length: count }, (_, i) => mrkdwn(`c${i}`));
      expect(blockKitViolations([{ type: 'context', elements: elements(10) }], 'message')).toEqual([]);
      expect(blockKitViolations([{ type: 'context', elements: elements(11) }], 'message')).toEqual([
        'must have at most 10 elements (got 11) [json-pointer:/blocks/0/elements]',
      ]);
    });

    it('holds only images and text objects', () => {
      expect(blockKitViolations([{ type: 'context', elements: [button('nope')] }], 'message')).toContain(
        'type must be plain_text or mrkdwn (got "button") [json-pointer:/blocks/0/elements/0/type]',
      );
    });
  });

  describe('actions', () => {
    it('allows 1 to 25 elements', () => {
      const buttons = (count: number) => Array.from({ length: count }, (_, i) => button(`b${i}`));
      expect(blockKitViolations([actions(...buttons(25))], 'message')).toEqual([]);
      expect(blockKitViolations([actions(...buttons(26))], 'message')).toEqual([
        'must have at most 25 elements (got 26) [json-pointer:/blocks/0/elements]',
      ]);
      expect(blockKitViolations([actions()], 'message')).toEqual([
        'elements must be a non-empty array [json-pointer:/blocks/0/elements]',
      ]);
    });
  });

  describe('button', () => {
    const checkButton = (element: unknown) => blockKitViolations([actions(element)], 'message');

    it('takes plain_text of at most 75 characters', () => {
      expect(checkButton(button('a', { text: plain('x'.repeat(75)) }))).toEqual([]);
      expect(checkButton(button('a', { text: plain('x'.repeat(76)) }))).toEqual([
        'must be at most 75 characters (got 76) [json-pointer:/blocks/0/elements/0/text/text]',
      ]);
      expect(checkButton(button('a', { text: mrkdwn('*go*') }))).toEqual([
        'must be a plain_text text object [json-pointer:/blocks/0/elements/0/text/type]',
      ]);
    });

    it('limits action_id to 255 characters', () => {
      expect(checkButton(button('a'.repeat(255)))).toEqual([]);
      expect(checkButton(button('a'.repeat(256)))).toEqual([
        'must be at most 255 characters (got 256) [json-pointer:/blocks/0/elements/0/action_id]',
      ]);
    });

    it('requires action_id to be unique across the whole surface', () => {
      const blocks = [actions(button('approve')), { type: 'section', text: mrkdwn('again'), accessory: button('approve') }];
      expect(blockKitViolations(blocks, 'message')).toEqual([
        'duplicate action_id "approve" [json-pointer:/blocks/1/accessory/action_id]',
      ]);
    });

    it('limits value to 2000 and url to 3000 characters', () => {
      expect(checkButton(button('a', { value: 'v'.repeat(2000), url: `https://x.test/${'u'.repeat(2985)}` }))).toEqual([]);
      expect(checkButton(button('a', { value: 'v'.repeat(2001) }))).toEqual([
        'must be at most 2000 characters (got 2001) [json-pointer:/blocks/0/elements/0/value]',
      ]);
      expect(checkButton(button('a', { url: `https://x.test/${'u'.repeat(2986)}` }))).toEqual([
        'must be at most 3000 characters (got 3001) [json-pointer:/blocks/0/elements/0/url]',
      ]);
    });

    it('accepts only the primary and danger styles', () => {
      expect(checkButton(button('a', { style: 'primary' }))).toEqual([]);
      expect(checkButton(button('a', { style: 'danger' }))).toEqual([]);
      expect(checkButton(button('a', { style: 'default' }))).toEqual([
        'style must be primary or danger (got "default") [json-pointer:/blocks/0/elements/0/style]',
      ]);
    });
  });

  describe('text objects', () => {
    const checkText = (text: unknown) => blockKitViolations([{ type: 'section', text }], 'message');

    it('must be plain_text or mrkdwn', () => {
      expect(checkText({ type: 'markdown', text: 'hi' })).toEqual([
        'type must be plain_text or mrkdwn (got "markdown") [json-pointer:/blocks/0/text/type]',
      ]);
      expect(checkText('hi')).toEqual(['must be a text object [json-pointer:/blocks/0/text]']);
    });

    it('must have non-empty text', () => {
      expect(checkText(plain(''))).toEqual(['text must be a non-empty string [json-pointer:/blocks/0/text/text]']);
      expect(checkText({ type: 'mrkdwn' })).toEqual(['text must be a non-empty string [json-pointer:/blocks/0/text/text]']);
    });

    it('allows emoji only as a boolean on plain_text', () => {
      expect(checkText({ ...plain('hi'), emoji: true })).toEqual([]);
      expect(checkText({ ...plain('hi'), emoji: 'yes' })).toEqual([
        'emoji must be a boolean [json-pointer:/blocks/0/text/emoji]',
      ]);
      expect(checkText({ ...mrkdwn('hi'), emoji: true })).toEqual([
        'emoji is only allowed on plain_text [json-pointer:/blocks/0/text/emoji]',
      ]);
    });
  });

  describe('input', () => {
    it('is allowed in modals and Home tabs only', () => {
      expect(blockKitViolations([input()], 'modal')).toEqual([]);
      expect(blockKitViolations([input()], 'home')).toEqual([]);
      expect(blockKitViolations([input()], 'message')).toEqual([
        'input blocks are only allowed in modals and Home tabs [json-pointer:/blocks/0]',
      ]);
    });

    it('needs a plain_text label and an element', () => {
      expect(blockKitViolations([{ type: 'input', label: mrkdwn('*Site*') }], 'modal')).toEqual([
        'must be a plain_text text object [json-pointer:/blocks/0/label/type]',
        'must be an element object [json-pointer:/blocks/0/element]',
      ]);
    });
  });
});

describe('viewViolations', () => {
  it('accepts a realistic modal and Home tab', () => {
    expect(viewViolations(modal({ callback_id: 'new_visit', private_metadata: '{"siteId":3}' }))).toEqual([]);
    expect(viewViolations({ type: 'home', blocks: [section('Welcome'), input()] })).toEqual([]);
  });

  it('requires a view object of type modal or home', () => {
    expect(viewViolations('modal')).toEqual(['must be a view object [json-pointer:/view]']);
    expect(viewViolations({ type: 'dialog', blocks: [] })).toEqual(['type must be modal or home [json-pointer:/view/type]']);
  });

  it('requires a plain_text modal title of at most 24 characters', () => {
    expect(viewViolations(modal({ title: plain('x'.repeat(24)) }))).toEqual([]);
    expect(viewViolations(modal({ title: plain('x'.repeat(25)) }))).toEqual([
      'must be at most 24 characters (got 25) [json-pointer:/view/title/text]',
    ]);
    expect(viewViolations(modal({ title: undefined }))).toEqual(['must be a text object [json-pointer:/view/title]']);
    expect(viewViolations(modal({ title: mrkdwn('*New*') }))).toEqual([
      'must be a plain_text text object [json-pointer:/view/title/type]',
    ]);
  });

  it.each(['submit', 'close'])('limits the %s button to 24 plain_text characters', (button) => {
    expect(viewViolations(modal({ [button]: plain('x'.repeat(25)) }))).toEqual([
      `must be at most 24 characters (got 25) [json-pointer:/view/${button}/text]`,
    ]);
  });

  it('requires submit when the modal has input blocks', () => {
    expect(viewViolations(modal({ submit: undefined }))).toEqual([
      'submit is required when the view has input blocks [json-pointer:/view/submit]',
    ]);
    expect(viewViolations(modal({ submit: undefined, blocks: [section('read only')] }))).toEqual([]);
  });

  it('limits callback_id to 255 and private_metadata to 3000 characters', () => {
    expect(viewViolations(modal({ callback_id: 'c'.repeat(256) }))).toEqual([
      'must be at most 255 characters (got 256) [json-pointer:/view/callback_id]',
    ]);
    expect(viewViolations(modal({ private_metadata: 'm'.repeat(3001) }))).toEqual([
      'must be at most 3000 characters (got 3001) [json-pointer:/view/private_metadata]',
    ]);
  });

  it('checks blocks with the view surface', () => {
    expect(viewViolations({ type: 'home', blocks: sections(100) })).toEqual([]);
    expect(viewViolations({ type: 'home', blocks: sections(101) })).toEqual([
      'must have at most 100 blocks in a home (got 101) [json-pointer:/view/blocks]',
    ]);
    expect(viewViolations(modal({ blocks: [input(), input()] }))).toEqual([
      'duplicate action_id "input_Site" [json-pointer:/view/blocks/1/element/action_id]',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { NotionIdError, normaliseNotionId, parseNotionId } from '../../src/notion/ids.js';

const ID = '3d0982b9-f958-41d0-8437-cf2e00981c7f';

describe('parseNotionId', () => {
  it.each([
    [ID],
    [ID.toUpperCase()],
    [ID.replace(/-/g, '')],
    [`  ${ID}  `],
    [`https://www.notion.so/corridor/Partners-${ID.replace(/-/g, '')}`],
    [`https://www.notion.so/corridor/${ID.replace(/-/g, '')}?v=0123456789abcdef0123456789abcdef`],
    [`https://app.notion.com/p/${ID.replace(/-/g, '')}`],
    [`https://www.notion.so/Partners-${ID.replace(/-/g, '')}?pvs=4`],
    [`notion.so/corridor/${ID}`],
  ])('accepts %s', (input) => {
    expect(parseNotionId(input)).toBe(ID);
  });

  it.each([[''], ['partners'], ['1234'], ['https://example.com/nothing-here'], [`${ID}0`]])('refuses %j with a message naming the setting', (input) => {
    expect(() => parseNotionId(input, 'NOTION_PARTNERS_DATABASE_ID')).toThrow(NotionIdError);
    expect(() => parseNotionId(input, 'NOTION_PARTNERS_DATABASE_ID')).toThrow('NOTION_PARTNERS_DATABASE_ID: expected a Notion ID or a Notion URL');
  });

  it('normalises IDs so that they compare equal', () => {
    expect(normaliseNotionId(ID.replace(/-/g, '').toUpperCase())).toBe(ID);
  });
});

import { APIErrorCode, APIResponseError } from '@notionhq/client';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { retitled } from '../../src/domain/about.js';
import { draftOf } from '../../src/domain/draft.js';
import { ABOUT_ID } from '../../src/domain/types.js';
import { runNotionSyncJob } from '../../src/jobs/notion-sync.js';
import { errorText } from '../../src/notion/sync-failures.js';
import { renderSyncSummaryText, totalCounts } from '../../src/notion/sync-summary.js';
import { slackPeopleDirectory } from '../../src/slack/people-directory.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

let fixture: NotionFixture;
let slack: SlackApiEmulator | undefined;

afterEach(async () => {
  await fixture.close();
  await slack?.close();
  slack = undefined;
});

const ACTION = 'announce-new-adhesions';
const actionPage = () => fixture.emulator.pagesOf(fixture.actionsDataSourceId)[0]!;

/** The sync with Slack's directory behind it, as `npm run sync` and the app run it. */
async function syncWithSlack() {
  slack ??= await startSlackApiEmulator({ botToken: 'xoxb-fields', botUserId: 'U0BOT' });
  const people = slackPeopleDirectory(new WebClient('xoxb-fields', { slackApiUrl: slack.url }));
  return runNotionSyncJob({ config: fixture.config, store: fixture.store, connection: fixture.connection, people });
}

describe('fields coming back from Notion', () => {
  it('takes an owner set in Notion by e-mail, found in Slack with users.lookupByEmail', async () => {
    fixture = await notionFixture();
    await fixture.sync();
    slack = await startSlackApiEmulator({ botToken: 'xoxb-fields', botUserId: 'U0BOT' });
    slack.setUser({ id: 'U0MARIE', name: 'marie', email: 'Marie.Tremblay@example.org' });
    fixture.emulator.editPage(actionPage().id, { 'Owner (Slack)': { rich_text: [{ text: { content: 'marie.tremblay@example.org' } }] } });
    const summary = await syncWithSlack();
    expect(slack.callsTo('users.lookupByEmail').map((call) => call.args.email)).toEqual(['marie.tremblay@example.org']);
    expect((await fixture.store.actions.get(ACTION))!.ownerUserId).toBe('U0MARIE');
    expect(summary.pulled).toEqual([expect.objectContaining({ changes: [{ field: 'owner', from: null, to: 'U0MARIE' }] })]);
    expect(summary.counts.action).toMatchObject({ pulled: 1, updated: 0 });
    // The page now shows the owner as the store writes it.
    expect(fixture.emulator.readPage(actionPage().id)['Owner (Slack)']).toBe('U0MARIE');
  });

  it('takes an owner set in Notion as a mentioned person, by their Notion e-mail', async () => {
    fixture = await notionFixture();
    await fixture.sync();
    slack = await startSlackApiEmulator({ botToken: 'xoxb-fields', botUserId: 'U0BOT' });
    slack.setUser({ id: 'U0LUC', name: 'luc', email: 'luc.gagnon@example.org' });
    const luc = fixture.emulator.addPerson('Luc Gagnon', 'luc.gagnon@example.org');
    const stranger = fixture.emulator.addPerson('Ann Stranger', 'ann@elsewhere.example');
    fixture.emulator.editPage(actionPage().id, { 'Owner (Slack)': { rich_text: [{ type: 'mention', mention: { user: { id: luc } } }] } });
    expect(fixture.emulator.readPage(actionPage().id)['Owner (Slack)']).toBe('@Luc Gagnon');
    await syncWithSlack();
    expect((await fixture.store.actions.get(ACTION))!.ownerUserId).toBe('U0LUC');
    expect(fixture.emulator.requests.some((request) => request.method === 'GET' && request.path === `/v1/users/${luc}`)).toBe(true);

    // Someone Slack does not know is reported by the name Notion shows.
    fixture.emulator.editPage(actionPage().id, { 'Owner (Slack)': { rich_text: [{ type: 'mention', mention: { user: { id: stranger } } }] } });
    const summary = await syncWithSlack();
    expect(summary.unknownPeople).toEqual([expect.objectContaining({ person: '@Ann Stranger' })]);
    expect((await fixture.store.actions.get(ACTION))!.ownerUserId).toBe('U0LUC');
  });

  it('reports an owner no Slack user matches, and does not guess', async () => {
    fixture = await notionFixture();
    await fixture.sync();
    fixture.emulator.editPage(actionPage().id, { 'Owner (Slack)': { rich_text: [{ text: { content: 'nobody@example.org' } }] } });
    const summary = await syncWithSlack();
    expect((await fixture.store.actions.get(ACTION))!.ownerUserId).toBeNull();
    expect(summary.unknownPeople).toEqual([expect.objectContaining({ recordId: ACTION, person: 'nobody@example.org' })]);
    expect(renderSyncSummaryText(summary, 'en')).toContain('Owners set in Notion that match no Slack user');
    expect(summary.overwritten).toEqual([expect.objectContaining({ properties: ['Owner (Slack)'] })]);
  });

  it('keeps the day an action item was done in Notion, not the day of the sync', async () => {
    let emulatorNow = new Date('2025-05-01T12:00:00Z');
    fixture = await notionFixture({ now: () => new Date(emulatorNow) });
    await fixture.sync();
    // Done late on 1 June in Toronto: already 2 June in UTC.
    emulatorNow = new Date('2025-06-02T01:30:00Z');
    fixture.emulator.editPage(actionPage().id, { Status: { select: { name: 'Done' } } });
    const summary = await fixture.sync();
    expect((await fixture.store.actions.get(ACTION))!).toMatchObject({ status: 'done', completedOn: '2025-06-01' });
    expect(fixture.emulator.readPage(actionPage().id)['Completed on']).toBe('2025-06-01');
    expect(summary.counts.action).toMatchObject({ pulled: 1, updated: 0, unchanged: 0 });
  });
});

describe('pages made by hand in Notion', () => {
  it('adopts a new action item with a title and a track, and lists the other pages with their links', async () => {
    fixture = await notionFixture();
    await fixture.sync();
    const source = fixture.emulator.dataSourceOf(fixture.config.NOTION_ACTIONS_DATABASE_ID!);
    const track = source.properties.find((property) => property.name === 'Track')!.options![0]!.name;
    const adoptedPage = fixture.emulator.addPage(fixture.actionsDataSourceId, {
      Title: { title: [{ text: { content: 'Visit the C2MI clean room' } }] },
      Track: { select: { name: track } },
      Due: { date: { start: '2026-02-15' } },
    });
    const untracked = fixture.emulator.addPage(fixture.actionsDataSourceId, { Title: { title: [{ text: { content: 'Ideas' } }] } });
    const notes = fixture.emulator.addPage(fixture.partnersDataSourceId, { Name: { title: [{ text: { content: 'Notes' } }] } });

    const summary = await fixture.sync();
    expect(summary.adopted).toEqual([expect.objectContaining({ recordId: 'visit-the-c2mi-clean-room' })]);
    const adopted = (await fixture.store.actions.get('visit-the-c2mi-clean-room'))!;
    expect(adopted).toMatchObject({ status: 'open', dueOn: '2026-02-15', title: { en: 'Visit the C2MI clean room' } });
    expect(fixture.emulator.readPage(adoptedPage)['Corridor ID']).toBe('visit-the-c2mi-clean-room');
    expect(summary.unlinked.map((page) => page.title).sort()).toEqual(['Ideas', 'Notes']);
    const text = renderSyncSummaryText(summary, 'en');
    // The link Notion gives for the page.
    expect(text).toContain(`Action item “Ideas”: https://www.notion.so/Ideas-${untracked.replace(/-/g, '')}`);
    expect(fixture.emulator.readPage(untracked)['Corridor ID']).toBe('');
    expect(fixture.emulator.readPage(notes)['Corridor ID']).toBe('');

    const next = await fixture.sync();
    expect(next.adopted).toEqual([]);
    expect(totalCounts(next)).toMatchObject({ created: 0, updated: 0, unchanged: 14 });
  });
});

describe('edges', () => {
  it('refuses a database holding several data sources, naming them', async () => {
    fixture = await notionFixture();
    fixture.emulator.addDataSource(fixture.config.NOTION_ACTIONS_DATABASE_ID!, 'Archive 2024');
    const summary = await fixture.sync();
    expect(summary.aborted?.en).toContain('NOTION_ACTIONS_DATABASE_ID: this Notion database holds several data sources (“Corridor action items”, “Archive 2024”)');
    expect(summary.aborted?.fr).toContain('plusieurs sources de données');
    // Refused before anything is written.
    expect(fixture.writes()).toBe(0);
  });

  it('explains Notion’s errors in the user’s language, keeping what Notion named', () => {
    const refused = new APIResponseError({
      code: APIErrorCode.ValidationError,
      status: 400,
      message: 'Title is not a property that exists.',
      headers: new Headers(),
      rawBodyText: '',
      additional_data: undefined,
      request_id: undefined,
    });
    expect(errorText(refused)).toEqual({
      fr: 'Notion a refusé les valeurs envoyées. (Notion\u00a0: Title is not a property that exists.)',
      en: 'Notion refused the values sent. (Notion: Title is not a property that exists.)',
    });
  });

  it('takes a page made under a track’s former title as that track’s, once the track is renamed', async () => {
    fixture = await notionFixture();
    await fixture.sync();
    const source = fixture.emulator.dataSourceOf(fixture.config.NOTION_ACTIONS_DATABASE_ID!);
    const former = source.properties.find((property) => property.name === 'Track')!.options![0]!.name;
    const card = (await fixture.store.about.get(ABOUT_ID))!;
    const tracks = card.tracks.map((track) => (track.position === 1 ? retitled(track, { fr: 'Se connaître', en: 'Knowing each other' }) : track));
    await fixture.store.about.save({ ...draftOf(card), tracks }, { actor: 'U0ADMIN', expectedVersion: card.version });
    fixture.emulator.addPage(fixture.actionsDataSourceId, {
      Title: { title: [{ text: { content: 'Map the Vermont labs' } }] },
      Track: { select: { name: former } },
    });
    const summary = await fixture.sync();
    expect(summary.adopted).toEqual([expect.objectContaining({ recordId: 'map-the-vermont-labs' })]);
    expect((await fixture.store.actions.get('map-the-vermont-labs'))!.trackId).toBe('mutual-knowledge');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/domain/dates.js';
import { draftOf } from '../../src/domain/draft.js';
import { WebClient } from '@slack/web-api';
import { composeNudges } from '../../src/jobs/nudges.js';
import { nudgeView } from '../../src/slack/views/nudge-view.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { actionRecord } from '../support/records.js';
import { ADMIN_ID, BOT_TOKEN, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { buttonClick, type Json } from '../support/slack-interactions.js';

// The buttons of a personal nudge and `/corridor nudges`, through signed requests into the running
// app, as Slack sends them from a direct message.

const OWNER = 'U0OWNER';
const OTHER = 'U0OTHER';
const OUTSIDER = 'U0OUTSIDE';
const ITEM = 'map-suppliers';
const today = localIsoDate(new Date(), 'America/Toronto');
let running: RunningCorridorApp;

beforeEach(async () => {
  running = await startCorridorApp();
  running.slack.setUser({ id: OWNER, locale: 'en-US' });
  running.slack.setUser({ id: OTHER, locale: 'en-US' });
  running.slack.setUser({ id: OUTSIDER, locale: 'en-US', team_id: 'T0OTHERORG' });
  const item = actionRecord(ITEM, null, { title: { en: 'Map the suppliers', fr: 'Cartographier les fournisseurs' }, ownerUserId: OWNER, dueOn: addDays(today, 2) });
  await running.store.actions.save(draftOf(item), { actor: ADMIN_ID });
});

afterEach(async () => {
  await running.close();
});

/** A click on a button of the nudge in the clicker's direct messages with the bot. */
async function clickInDm(userId: string, actionId: string): Promise<string> {
  const payload = buttonClick(userId, `${actionId}:${ITEM}`, ITEM, { responseUrl: running.slack.responseUrl, blockId: `nudge:${ITEM}` });
  const dm = `D${userId.slice(1)}`;
  Object.assign(payload, { channel: { id: dm, name: 'directmessage' }, container: { type: 'message', message_ts: '1700000001.000001', channel_id: dm, is_ephemeral: false } });
  const response = await running.interaction(payload);
  expect(response.status).toBe(200);
  await running.corridor.idle();
  return running.slack.callsTo('response_url').map((call) => String((call.args as Json).text)).join('\n');
}

describe('the buttons of a nudge', () => {
  it('Postpone a week moves the due date a week later, in the item’s history, and says so', async () => {
    const answer = await clickInDm(OWNER, 'action_postpone');
    const item = await running.store.actions.get(ITEM);
    expect(item!.dueOn).toBe(addDays(today, 9));
    const history = await running.store.history('action', ITEM);
    expect(history.at(-1)).toMatchObject({ actor: OWNER, diff: { dueOn: { from: addDays(today, 2), to: addDays(today, 9) } } });
    expect(answer).toContain('*Map the suppliers* is now due');
  });

  it('Done completes the item, as it does in the Home tab', async () => {
    const answer = await clickInDm(OWNER, 'action_done');
    expect(await running.store.actions.get(ITEM)).toMatchObject({ status: 'done', completedOn: today });
    expect(answer).toContain('is done');
  });

  it('Log a contact opens the contact-log form on the partner, for a coordinator', async () => {
    const payload = buttonClick(ADMIN_ID, 'log_contact:venture-lab', 'venture-lab', { responseUrl: running.slack.responseUrl, blockId: 'follow-up' });
    Object.assign(payload, { channel: { id: 'D0ADMIN', name: 'directmessage' } });
    expect((await running.interaction(payload)).status).toBe(200);
    await running.corridor.idle();
    const view = running.slack.callsTo('views.open').at(-1)?.args.view as Json | undefined;
    expect(JSON.stringify(view)).toContain('venture-lab');
    expect(view).toMatchObject({ type: 'modal' });
  });

  it('changes nothing for someone who neither owns the item nor coordinates, nor for another organisation', async () => {
    for (const userId of [OTHER, OUTSIDER]) {
      running.slack.reset();
      const answer = await clickInDm(userId, 'action_postpone');
      expect(answer).toMatch(/Sorry|coordinators/);
    }
    expect(await running.store.actions.get(ITEM)).toMatchObject({ dueOn: addDays(today, 2), version: 1 });
  });
});

describe('the nudge message after a click', () => {
  const SECOND = 'brief-the-board';
  let bot: WebClient;

  beforeEach(async () => {
    bot = new WebClient(BOT_TOKEN, { slackApiUrl: running.slack.url, retryConfig: { retries: 0 } });
    const second = actionRecord(SECOND, null, { title: { en: 'Brief the board', fr: 'Informer le conseil' }, ownerUserId: OWNER, dueOn: addDays(today, 4) });
    await running.store.actions.save(draftOf(second), { actor: ADMIN_ID });
  });

  /** The week's nudge, composed and sent into the owner's direct messages as the job does; its channel and ts. */
  async function sendNudge(lang: 'en' | 'fr'): Promise<{ channel: string; ts: string }> {
    const [nudge] = await composeNudges(running.store, new Date(), 'America/Toronto');
    const opened = await bot.conversations.open({ users: OWNER });
    const channel = opened.channel!.id!;
    const posted = await bot.chat.postMessage({ channel, ...nudgeView(nudge!, lang) });
    return { channel, ts: posted.ts! };
  }

  /** A click on one item's button of that message, as Slack sends it; the ephemeral answers. */
  async function click(at: { channel: string; ts: string }, actionId: string, itemId: string): Promise<string> {
    running.slack.reset();
    const payload = buttonClick(OWNER, `${actionId}:${itemId}`, itemId, { responseUrl: running.slack.responseUrl, blockId: `nudge:${itemId}` });
    Object.assign(payload, { channel: { id: at.channel, name: 'directmessage' }, container: { type: 'message', message_ts: at.ts, channel_id: at.channel, is_ephemeral: false } });
    expect((await running.interaction(payload)).status).toBe(200);
    await running.corridor.idle();
    return running.slack.callsTo('response_url').map((call) => String((call.args as Json).text)).join('\n');
  }

  /** The message as Slack holds it now. */
  async function held(at: { channel: string; ts: string }): Promise<Json[]> {
    const history = await bot.conversations.history({ channel: at.channel, latest: at.ts, inclusive: true, limit: 1 });
    const message = history.messages!.find((candidate) => candidate.ts === at.ts)!;
    expect(blockKitViolations(message.blocks, 'message')).toEqual([]);
    return message.blocks as Json[];
  }

  const buttonsOf = (blocks: Json[], itemId: string) => blocks.find((block) => block.block_id === `nudge:${itemId}`);
  const textOf = (blocks: Json[]) => JSON.stringify(blocks);

  it('Done shows the item done, without its buttons; the other item keeps its own; nothing said twice', async () => {
    const at = await sendNudge('en');
    const before = await held(at);
    const answer = await click(at, 'action_done', ITEM);
    const after = await held(at);
    expect(await running.store.actions.get(ITEM)).toMatchObject({ status: 'done' });
    expect(buttonsOf(after, ITEM)).toBeUndefined();
    expect(textOf(after)).toContain('✓ *Map the suppliers* — done');
    expect(buttonsOf(after, SECOND)).toEqual(buttonsOf(before, SECOND));
    expect(textOf(after)).toContain('Brief the board');
    expect(after).toHaveLength(before.length - 1);
    expect(answer).toBe('');
  });

  it('Postpone a week shows the new due date in the person’s language, without the buttons', async () => {
    running.slack.setUser({ id: OWNER, locale: 'fr-CA' });
    const at = await sendNudge('fr');
    await click(at, 'action_postpone', ITEM);
    const after = await held(at);
    expect(await running.store.actions.get(ITEM)).toMatchObject({ dueOn: addDays(today, 9) });
    expect(buttonsOf(after, ITEM)).toBeUndefined();
    const due = new Intl.DateTimeFormat('fr-CA', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${addDays(today, 9)}T12:00:00Z`));
    expect(textOf(after)).toMatch(new RegExp(`Cartographier les fournisseurs\\* — reportée d’une semaine\u00a0: échéance le ${due}`));
    expect(buttonsOf(after, SECOND)).toBeDefined();
  });

  it('a second click on a stale copy answers politely and changes nothing', async () => {
    const at = await sendNudge('en');
    await click(at, 'action_postpone', ITEM);
    const once = await running.store.actions.get(ITEM);
    const shown = await held(at);
    const again = await click(at, 'action_postpone', ITEM);
    expect(again).toMatch(/^\*Map the suppliers\* was already postponed from this message: it is due .+\. Nothing changed\.$/);
    expect(await running.store.actions.get(ITEM)).toEqual(once);
    expect(await held(at)).toEqual(shown);
    expect(running.slack.callsTo('chat.update')).toEqual([]);

    await click(at, 'action_done', SECOND);
    const done = await held(at);
    expect(await click(at, 'action_done', SECOND)).toContain('*Brief the board* was already done.');
    expect(await held(at)).toEqual(done);
    expect(running.slack.callsTo('chat.update')).toEqual([]);
  });

  it('two clicks at the same moment postpone once, and the later one is answered, never left silent', async () => {
    const at = await sendNudge('en');
    const payload = () => {
      const sent = buttonClick(OWNER, `action_postpone:${ITEM}`, ITEM, { responseUrl: running.slack.responseUrl, blockId: `nudge:${ITEM}` });
      return Object.assign(sent, { channel: { id: at.channel, name: 'directmessage' }, container: { type: 'message', message_ts: at.ts, channel_id: at.channel, is_ephemeral: false } });
    };
    running.slack.reset();
    const statuses = await Promise.all([running.interaction(payload()), running.interaction(payload())]);
    expect(statuses.map((response) => response.status)).toEqual([200, 200]);
    await running.corridor.idle();
    expect(await running.store.actions.get(ITEM)).toMatchObject({ dueOn: addDays(today, 9) });
    // The first click's answer is the updated message; the second's is one ephemeral line, whichever way it lost.
    const answers = running.slack.callsTo('response_url').map((call) => String((call.args as Json).text));
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatch(/was already postponed from this message|was changed by .+ meanwhile; nothing was changed/);
  });
});

describe('/corridor nudges', () => {
  const say = async (text: string, userId: string) => JSON.stringify((await running.command(text, { user_id: userId })).json);

  it('turns a person’s nudges off and on, in French with rappels-perso, and tells where they stand', async () => {
    expect(await say('nudges', OWNER)).toContain('Your weekly nudges are on');
    expect(await say('nudges off', OWNER)).toContain('Your weekly nudges are off');
    expect(await running.store.nudgePreferences.enabled(OWNER)).toBe(false);
    expect(await running.store.nudgePreferences.enabled(OTHER)).toBe(true);
    expect(await say('rappels-perso on', OWNER)).toContain('Vos rappels personnels de la semaine sont activés');
    expect(await running.store.nudgePreferences.enabled(OWNER)).toBe(true);
    expect(await say('nudges maybe', OWNER)).toContain('is neither `on` nor `off`');
  });

  it('is not for users of other organisations: nothing is stored', async () => {
    expect(await say('nudges off', OUTSIDER)).toContain('organization that runs the corridor');
    expect(await running.store.nudgePreferences.turnedOff()).toEqual([]);
  });
});

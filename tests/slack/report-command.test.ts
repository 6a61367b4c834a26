import { describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { lastFullMonth } from '../../src/domain/report-period.js';
import { runCorridorCommand } from '../../src/slack/commands/dispatch.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { recordingLogger } from '../support/recording-logger.js';
import { ALICE, askAs, oneAppPerTest, PARTNER, SHARED } from '../support/corridor-readers.js';
import { tempStores } from '../support/temp-stores.js';

// `/corridor report` and `/corridor export`, as Slack sends them: signed requests to the real
// receiver, the real WebClient's files.uploadV2 against the emulator, the files read back.

const stores = tempStores('report-command');
const start = oneAppPerTest(stores.open);

/** The coordinator's direct messages with the bot, as conversations.open names them in the emulator. */
const ADMIN_DM = `D${ADMIN_ID.slice(1)}`;

/** Waits for the answer that follows the acknowledgement, through the command's response_url. */
async function laterAnswer(app: RunningCorridorApp): Promise<string> {
  await vi.waitFor(() => expect(app.slack.callsTo('response_url')).toHaveLength(1), { timeout: 20_000, interval: 50 });
  const [answer] = app.slack.callsTo('response_url');
  expect(answer!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(blockKitViolations(answer!.args.blocks, 'message')).toEqual([]);
  return String(answer!.args.text);
}

/** The CSV's records: RFC 4180 rows after the header (no field of the seed holds a line break). */
function csvRows(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n').filter(Boolean);
}

describe('/corridor report', () => {
  it('acknowledges at once, then sends the coordinator the PDF and the workbook in their direct messages', async () => {
    const app = await start();
    const ack = await askAs(app, 'report 2026-11');
    expect(ack).toContain('Preparing the report for November 2026 (internal edition, for the coordinators)… It will arrive in your direct messages');
    expect(await laterAnswer(app)).toBe('Done: the files are in your direct messages with the bot.');
    expect(app.slack.callsTo('conversations.open').map((call) => call.args.users)).toEqual([ADMIN_ID]);
    expect(app.slack.callsTo('files.getUploadURLExternal').map((call) => call.args.filename)).toEqual(['corridor-report-2026-11.pdf', 'corridor.xlsx']);
    const [complete] = app.slack.callsTo('files.completeUploadExternal');
    expect(complete!.args).toMatchObject({ channel_id: ADMIN_DM, initial_comment: 'The corridor’s report for November 2026 (internal edition, for the coordinators): the PDF and the workbook corridor.xlsx.' });
    const [pdf, workbook] = app.slack.filesSharedIn(ADMIN_DM);
    expect(pdf!.filename).toBe('corridor-report-2026-11.pdf');
    expect(pdf!.bytes!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf!.bytes!.length).toBe(pdf!.length);
    expect(workbook!.filename).toBe('corridor.xlsx');
    // An .xlsx is a zip archive.
    expect(workbook!.bytes!.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(app.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers `rapport` in French, for the last full month by default', async () => {
    const app = await start();
    const month = lastFullMonth(localIsoDate(new Date(), 'America/Toronto'));
    const ack = await askAs(app, 'rapport');
    expect(ack).toMatch(/^Préparation du rapport de \S+ \d{4} \(édition interne, pour les coordonnateurs\)…/);
    expect(await laterAnswer(app)).toBe('C’est fait\u00a0: les fichiers sont dans vos messages directs avec le bot.');
    expect(app.slack.filesSharedIn(ADMIN_DM).map((file) => file.filename)).toEqual([`corridor-report-${month.key}.pdf`, 'corridor.xlsx']);
    expect(String(app.slack.callsTo('files.completeUploadExternal')[0]!.args.initial_comment)).toMatch(/^Le rapport du corridor pour /);
  });

  it('takes quarters, years and months in words, and the public edition when asked', async () => {
    const app = await start();
    expect(await askAs(app, 'report public 2026-Q4')).toContain('Preparing the report for Q4 2026 (public edition)');
    await laterAnswer(app);
    expect(app.slack.filesSharedIn(ADMIN_DM)[0]!.filename).toBe('corridor-report-2026-Q4.pdf');
    app.slack.reset();
    expect(await askAs(app, 'rapport novembre 2026 --en')).toContain('Preparing the report for November 2026');
    await laterAnswer(app);
    app.slack.reset();
    expect(await askAs(app, 'report 2025')).toContain('Preparing the report for 2025');
    await laterAnswer(app);
    expect(app.slack.filesSharedIn(ADMIN_DM).map((file) => file.filename)).toEqual([
      'corridor-report-2026-Q4.pdf',
      'corridor.xlsx',
      'corridor-report-2026-11.pdf',
      'corridor.xlsx',
      'corridor-report-2025.pdf',
      'corridor.xlsx',
    ]);
  });

  it('answers a period it cannot read politely, with the usage, and uploads nothing', async () => {
    const app = await start();
    const answer = await askAs(app, 'report last tuesday');
    expect(answer).toContain('“last tuesday” is not a period I know. Try a month (`2026-11`, `november 2026`), a quarter (`2026-Q4`) or a year (`2026`): `/corridor report [public] [period]`');
    expect(await askAs(app, 'rapport 13-2026')).toContain('n’est pas une période que je connais');
    expect(app.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('refuses a colleague who is not a coordinator, and someone of another organisation, and uploads nothing', async () => {
    const app = await start();
    expect(await askAs(app, 'report', ALICE)).toContain('only the corridor’s coordinators');
    const outside = await askAs(app, 'rapport public', PARTNER, SHARED);
    expect(outside).toContain('coordinators');
    expect(outside).toContain('coordonnateurs');
    expect(outside).not.toContain(ADMIN_ID);
    expect(await askAs(app, 'export partners', ALICE)).toContain('only the corridor’s coordinators');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.slack.callsTo('conversations.open')).toHaveLength(0);
    expect(app.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(app.slack.callsTo('response_url')).toHaveLength(0);
  });

  it('in the local console, says where the files are made instead', async () => {
    const store = await stores.open();
    const reply = await runCorridorCommand({ text: 'report 2026-11', userId: ADMIN_ID, lang: 'en', audience: 'internal', store, timeZone: 'America/Toronto', admins: [ADMIN_ID] });
    expect(reply!.text).toBe('Files go to Slack direct messages; here, `npm run report -- --out DIR` writes the same files into a folder.');
    const csv = await runCorridorCommand({ text: 'exporter personnes', userId: ADMIN_ID, lang: 'en', audience: 'internal', store, timeZone: 'America/Toronto', admins: [ADMIN_ID] });
    expect(csv!.text).toContain('npm run report -- --out DOSSIER');
  });

  it('is listed in the help of coordinators only', async () => {
    const app = await start();
    const help = await askAs(app, 'help');
    expect(help).toContain('/corridor report [public] [period]');
    expect(help).toContain('/corridor export <partners|people|events|actions> [public]');
    expect(await askAs(app, 'aide')).toContain('/corridor rapport [public] [période]');
    const colleague = await askAs(app, 'help', ALICE);
    expect(colleague).not.toContain('/corridor report');
    expect(colleague).not.toContain('/corridor export');
  });

  it('typed in a channel shared with another organisation, goes to the coordinator’s direct messages only', async () => {
    const app = await start();
    const ack = await app.command('report public', { user_id: ADMIN_ID, channel_id: SHARED });
    expect(ack.json).toMatchObject({ response_type: 'ephemeral' });
    await laterAnswer(app);
    expect(app.slack.filesSharedIn(ADMIN_DM)).toHaveLength(2);
    expect(app.slack.filesSharedIn(SHARED)).toHaveLength(0);
    expect(app.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(app.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('says politely when the upload fails, through the response_url, and logs why', async () => {
    const logger = recordingLogger();
    const app = await start((store) => startCorridorApp({}, store, { logger }));
    app.slack.failNext('files.completeUploadExternal', { error: 'not_allowed_token_type' });
    expect(await askAs(app, 'report 2026-11')).toContain('Preparing the report');
    expect(await laterAnswer(app)).toBe(
      'Sorry, the files could not be delivered to your direct messages (Slack said: not_allowed_token_type). Nothing was posted anywhere else; try again in a moment.',
    );
    expect(app.slack.filesSharedIn(ADMIN_DM)).toHaveLength(0);
    expect(logger.lines.filter((line) => line.includes(`Could not send files to ${ADMIN_ID}'s direct messages: not_allowed_token_type`))).toHaveLength(1);
    // The app is still up and answers.
    expect(await askAs(app, 'help')).toContain('/corridor');
  });
});

describe('/corridor export', () => {
  it('sends the 12 partners as a CSV file in the coordinator’s direct messages', async () => {
    const app = await start();
    expect(await askAs(app, 'export partners')).toContain('Preparing partners.csv (internal edition, for the coordinators)');
    await laterAnswer(app);
    const [csv] = app.slack.filesSharedIn(ADMIN_DM);
    expect(csv!.filename).toBe('partners.csv');
    const [header, ...rows] = csvRows(csv!.bytes!);
    expect(rows).toHaveLength(12);
    expect(header).toContain('Internal note');
    expect(rows.join('\n')).toContain('Venture Lab');
    expect(rows.join('\n')).toContain('Université de Sherbrooke');
  });

  it('takes the kinds in French, accents or not, and leaves internal columns out of the public edition', async () => {
    const app = await start();
    expect(await askAs(app, 'exporter événements')).toContain('Préparation de events.csv');
    await laterAnswer(app);
    app.slack.reset();
    expect(await askAs(app, 'exporter partenaires public')).toContain('(édition publique)');
    await laterAnswer(app);
    const files = app.slack.filesSharedIn(ADMIN_DM);
    expect(files.map((file) => file.filename)).toEqual(['events.csv', 'partners.csv']);
    const [header, ...rows] = csvRows(files[1]!.bytes!);
    expect(rows).toHaveLength(12);
    expect(header).not.toContain('Internal note');
    expect(header).not.toContain('Follow-up owner');
  });

  it('answers what it cannot export, or no kind at all, with the usage', async () => {
    const app = await start();
    expect(await askAs(app, 'export invoices')).toContain('“invoices” is not something I can export. `/corridor export <partners|people|events|actions> [public]`');
    expect(await askAs(app, 'exporter')).toContain('Quelles fiches\u00a0? `/corridor exporter <partenaires|personnes|événements|actions> [public]`');
    expect(app.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });
});

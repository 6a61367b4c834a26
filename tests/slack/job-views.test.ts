import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/domain/digest.js';
import { catalogue } from '../../src/i18n/index.js';
import { LIMITS } from '../../src/slack/blocks.js';
import { ACTION_IDS, keyedActionId } from '../../src/slack/interaction-ids.js';
import { channelLangs } from '../../src/slack/views/channel-message.js';
import { channelDigestView, digestView } from '../../src/slack/views/digest-view.js';
import { eventReminderView } from '../../src/slack/views/event-reminder-view.js';
import { markSignedModal } from '../../src/slack/views/mark-signed-view.js';
import { decodeMetadata } from '../../src/slack/views/modals/metadata.js';
import { partnerCardView } from '../../src/slack/views/partner-card-view.js';
import { reminderView, signedInReminder } from '../../src/slack/views/reminder-view.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import { blockKitViolations, viewViolations } from '../support/block-kit-limits.js';
import { actionRecord, eventRecord, historyRecord, partnerRecord, seedRecords } from '../support/records.js';

const TODAY = '2026-11-26';

function bigDigest(sizes: { partners: number; events: number; actions: number; changes: number }) {
  const partners = Array.from({ length: sizes.partners }, (_, i) =>
    partnerRecord(`partner-${i}`, { name: `Partner <${i}> & co`, followUpUserId: i % 2 ? 'U0FOLLOW' : null }),
  );
  const events = Array.from({ length: sizes.events }, (_, i) => eventRecord(`event-${i}`, i % 2 ? '2026-12-10' : '2026-11-22'));
  const tracks = [...seedTracks.map((t) => t.id), null];
  const actions = Array.from({ length: sizes.actions }, (_, i) =>
    actionRecord(`action-${i}`, tracks[i % tracks.length]!, { dueOn: i % 3 ? '2026-11-01' : null, title: { fr: `Tâche ${'x'.repeat(i % 200)}`, en: `Task ${'x'.repeat(i % 200)}` } }),
  );
  const changes = Array.from({ length: sizes.changes }, (_, i) => historyRecord('partner', `partner-${i % Math.max(1, sizes.partners)}`, 'created', {}));
  return buildDigest({ today: TODAY, previousDigestOn: '2026-11-19', events, partners, actions, tracks: seedTracks, changes });
}

describe('digest view', () => {
  it('says "… and N more" instead of growing past Slack’s limits, whatever the data size', () => {
    const digest = bigDigest({ partners: 60, events: 80, actions: 400, changes: 60 });
    const reply = digestView(digest, 'en', 'internal');
    expect(reply.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
    const text = renderBlocksAsText(reply.blocks);
    expect(text).toContain('… and 50 more'); // 60 pending, 10 shown
    expect(text).toContain('Pending adhesions (60)');
    expect(text).toContain('overdue');
    // User text is escaped: a partner named "<…> & co" cannot become a link or a mention.
    expect(JSON.stringify(reply.blocks)).toContain('Partner &lt;0&gt; &amp; co');
  });

  it('stays within 50 blocks in both languages together, French first, for any data size', () => {
    fc.assert(
      fc.property(
        fc.record({ partners: fc.nat(120), events: fc.nat(120), actions: fc.nat(600), changes: fc.nat(80) }),
        fc.constantFrom('both' as const, 'fr' as const, 'en' as const),
        (sizes, lang) => {
          const reply = channelDigestView(bigDigest(sizes), lang, 'internal');
          expect(reply.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
          expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
          const text = renderBlocksAsText(reply.blocks);
          const french = text.indexOf('RÉSUMÉ DU CORRIDOR');
          const english = text.indexOf('CORRIDOR DIGEST');
          if (lang === 'both') expect(french).toBeGreaterThanOrEqual(0);
          if (lang === 'both') expect(english).toBeGreaterThan(french);
          if (lang === 'fr') expect(english).toBe(-1);
          if (lang === 'en') expect(french).toBe(-1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names what changed since the previous digest', () => {
    const text = renderBlocksAsText(digestView(bigDigest({ partners: 2, events: 0, actions: 0, changes: 2 }), 'fr', 'internal').blocks);
    expect(text).toContain('Depuis le dernier résumé (19 novembre 2026)');
    expect(text).toContain('Partenaires ajoutés\u00a0: Partner <0> & co et Partner <1> & co');
    expect(text).toContain('Aucun événement dans les 30 prochains jours.');
  });

  it('groups what changed by kind and caps each group with "… and N more"', () => {
    const events = Array.from({ length: 12 }, (_, i) => eventRecord(`event-${i}`, '2026-12-10'));
    const changes = events.map((event) => historyRecord('event', event.id, 'created', {}));
    changes.push(historyRecord('action', 'late', 'updated', { dueOn: { from: '2026-11-01', to: '2027-01-15' } }));
    const actions = [actionRecord('late', null, { dueOn: '2027-01-15' })];
    const digest = buildDigest({ today: TODAY, previousDigestOn: '2026-11-19', events, partners: [], actions, tracks: seedTracks, changes });
    const text = renderBlocksAsText(digestView(digest, 'en', 'internal').blocks);
    expect(text).toContain('Events added: Meeting event-0, Meeting event-1');
    expect(text).toContain('Meeting event-9 … and 2 more');
    expect(text).toContain('Action items re-dated: Action late (due January 15, 2027)');
  });
});

describe('reminder view', () => {
  const urls = new Map([['partner-1', 'https://www.notion.so/Partner-1-0123456789abcdef']]);
  const none = new Set<string>();

  it('sums up one line per adhesion in the channel, French then English, and mentions whom it is told to', () => {
    const partners = [
      partnerRecord('partner-1', { name: 'Venture Lab', pendingSince: '2025-04-16', followUpUserId: 'U0FOLLOW' }),
      partnerRecord('partner-2', { name: 'CMC Microsystems', pendingSince: '2026-10-26', followUpUserId: 'U0OTHER' }),
    ];
    const { summary } = reminderView({ partners, today: TODAY, notionUrls: urls, langs: ['fr', 'en'], mentioned: new Set(['partner-1']), audience: 'internal' })!;
    expect(blockKitViolations(summary.blocks, 'message')).toEqual([]);
    const text = renderBlocksAsText(summary.blocks);
    expect(text).toContain('• Venture Lab — intention déclarée depuis 1 an et 7 mois · :warning: prochaine étape en retard · suivi\u00a0: @U0FOLLOW');
    expect(text).toContain('• Venture Lab — intention declared for 1 year, 7 months · :warning: next step overdue · follow-up @U0FOLLOW');
    // Mentioned earlier this week: named without a second ping; pending one month, not overdue yet.
    expect(text).toContain('• CMC Microsystems — intention declared for 1 month · follow-up owner already reminded this week');
    expect(JSON.stringify(summary.blocks)).not.toContain('<@U0OTHER>');
    expect(text).not.toContain('[Mark as signed');
    expect(text.indexOf('intention déclarée depuis')).toBeLessThan(text.indexOf('intention declared for'));
  });

  it('says a follow-up date has passed in its own words, not as an overdue next step', () => {
    const partners = [partnerRecord('partner-2', { name: 'CMC Microsystems', pendingSince: '2026-10-26', nextStepDueOn: '2026-12-15' })];
    const stored = { version: 1, createdAt: '2026-11-02T15:00:00.000Z', updatedAt: '2026-11-02T15:00:00.000Z', updatedBy: 'U0FOLLOW', removedAt: null };
    const contacts = [{ ...stored, id: 'entry-1', partnerId: 'partner-2', on: '2026-11-02', author: 'U0FOLLOW', kind: 'call' as const, text: 'Call', nextFollowUpOn: '2026-11-20' }];
    const { summary } = reminderView({ partners, today: TODAY, notionUrls: urls, langs: ['fr', 'en'], mentioned: none, audience: 'internal', contacts })!;
    const text = renderBlocksAsText(summary.blocks);
    expect(text).toContain('• CMC Microsystems — intention declared for 1 month · :warning: follow-up date passed');
    expect(text).toContain(':warning: date de relance passée');
    expect(text).not.toMatch(/next step overdue|prochaine étape en retard/);
  });

  it('puts each adhesion’s details and its buttons once in the thread reply, naming the follow-up owner the summary mentions and no other', () => {
    const partners = [
      partnerRecord('partner-1', { name: 'Venture Lab', pendingSince: '2025-04-16', followUpUserId: 'U0FOLLOW', nextStepDueOn: '2026-12-15' }),
      partnerRecord('partner-2', { name: 'CMC Microsystems', pendingSince: '2026-10-26', nextStepDueOn: '2026-11-01', followUpUserId: 'U0OTHER' }),
    ];
    const { details } = reminderView({ partners, today: TODAY, notionUrls: urls, langs: ['fr', 'en'], mentioned: new Set(['partner-1']), audience: 'internal' })!;
    expect(blockKitViolations(details.blocks, 'message')).toEqual([]);
    const text = renderBlocksAsText(details.blocks);
    expect(text).toContain('Venture Lab — intention declared for 1 year, 7 months');
    expect(text).toContain('Next step: Sign the MOU');
    expect(text).toContain('Next step due December 15, 2026');
    expect(text).toContain(':warning: Next step overdue: it was due November 1, 2026');
    // The summary mentions Venture Lab's owner: the thread names them; CMC's was told earlier this week.
    expect(text).toContain('Follow-up: @U0FOLLOW');
    expect(text).toContain('Suivi\u00a0: @U0FOLLOW');
    expect(text).toContain('Follow-up: owner already reminded this week');
    expect(JSON.stringify(details.blocks)).not.toContain('<@U0OTHER>');
    const buttons = details.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons.map((b) => ('action_id' in b ? b.action_id : ''))).toEqual([
      keyedActionId(ACTION_IDS.reminderMarkSigned, 'partner-1'),
      keyedActionId(ACTION_IDS.reminderSnooze, 'partner-1'),
      keyedActionId(ACTION_IDS.logContact, 'partner-1'),
      keyedActionId(ACTION_IDS.reminderOpenNotion, 'partner-1'),
      keyedActionId(ACTION_IDS.reminderMarkSigned, 'partner-2'),
      keyedActionId(ACTION_IDS.reminderSnooze, 'partner-2'),
      keyedActionId(ACTION_IDS.logContact, 'partner-2'),
    ]);
    expect(buttons[3]).toMatchObject({ url: urls.get('partner-1'), value: 'partner-1' });
  });

  it('shows a signed partner in place of its details, without its buttons, and leaves the others', () => {
    const partners = [partnerRecord('a'), partnerRecord('b')];
    const { details } = reminderView({ partners, today: TODAY, notionUrls: new Map(), langs: ['en'], mentioned: none, audience: 'internal' })!;
    const updated = signedInReminder(details.blocks, 'a', '*a* signed')!;
    expect(renderBlocksAsText(updated)).toContain('a signed\nb — intention declared for');
    expect(updated.filter((block) => block.type === 'actions').map((block) => block.block_id)).toEqual(['reminder_buttons:b']);
    expect(signedInReminder(details.blocks, 'c', 'x')).toBeUndefined();
  });

  it('escapes partner names in the notification text too', () => {
    const post = reminderView({ partners: [partnerRecord('x', { name: '<!channel> & co' })], today: TODAY, notionUrls: new Map(), langs: ['en'], mentioned: none, audience: 'internal' })!;
    expect(post.summary.text).toContain('&lt;!channel&gt; &amp; co');
    expect(JSON.stringify(post)).not.toContain('<!channel>');
  });

  it('posts nothing when nothing is pending', () => {
    const signed = partnerRecord('done', { status: 'signatory' });
    expect(reminderView({ partners: [signed], today: TODAY, notionUrls: new Map(), langs: ['fr', 'en'], mentioned: none, audience: 'internal' })).toBeUndefined();
  });

  it('keeps to 50 blocks with many pending adhesions and says how many are left out', () => {
    const partners = Array.from({ length: 60 }, (_, i) => partnerRecord(`p-${String(i).padStart(2, '0')}`));
    const { summary, details } = reminderView({ partners, today: TODAY, notionUrls: new Map(), langs: ['fr', 'en'], mentioned: none, audience: 'internal' })!;
    for (const reply of [summary, details]) {
      expect(reply.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
      expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
    }
    expect(renderBlocksAsText(summary.blocks)).toContain('… and 40 more');
    // The thread reply holds as many as fit Slack's message size as well as its blocks.
    expect(JSON.stringify(details.blocks).length).toBeLessThan(LIMITS.messageChars);
    const shown = details.blocks.filter((block) => block.block_id?.startsWith('reminder_partner:')).length;
    expect(shown).toBeGreaterThan(10);
    const text = renderBlocksAsText(details.blocks);
    expect(text).toContain(`… and ${60 - shown} more`);
    expect(text).toContain(`… et ${60 - shown} de plus`);
  });

  it('speaks one language when the channel asks for one', () => {
    const { summary, details } = reminderView({ partners: [partnerRecord('a')], today: TODAY, notionUrls: new Map(), langs: ['en'], mentioned: none, audience: 'internal' })!;
    expect(renderBlocksAsText(details.blocks)).toContain('[Mark as signed] [Snooze 1 week]');
    expect(renderBlocksAsText([...summary.blocks, ...details.blocks])).not.toContain('attente');
  });
});

describe('mark-as-signed modal', () => {
  it('asks for the date, today by default, within the modal limits', () => {
    const partner = partnerRecord('venture-lab', { name: 'Venture Lab', version: 3 });
    for (const lang of ['fr', 'en'] as const) {
      const view = markSignedModal({ partner, today: TODAY, lang, t: catalogue(lang), origin: { channelId: 'C0CORRIDOR' } });
      expect(viewViolations(view)).toEqual([]);
      // Keyed like the other forms, so the submission reads it the same way.
      expect(decodeMetadata(view.private_metadata)).toEqual({ id: 'venture-lab', version: 3, lang, channelId: 'C0CORRIDOR' });
      expect(JSON.stringify(view.blocks)).toContain('"initial_date":"2026-11-26"');
    }
  });
});

describe('event reminder view', () => {
  const organiser = partnerRecord('udes', { name: 'Université de Sherbrooke' });
  const event = eventRecord('forum', '2026-11-27', { title: { fr: 'Forum <!channel>', en: 'Forum <!channel>' }, organiserIds: ['udes'] });

  it('composes the channel’s languages like the other posts: French, a divider, then English', () => {
    const reply = eventReminderView({ events: [event], partners: new Map([['udes', organiser]]), langs: channelLangs('both') });
    expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
    expect(reply.blocks.map((block) => block.type)).toEqual(['section', 'context', 'divider', 'section', 'context']);
    const text = renderBlocksAsText(reply.blocks);
    expect(text.indexOf('a lieu demain')).toBeLessThan(text.indexOf('is tomorrow'));
    expect(text).toContain('Organized by Université de Sherbrooke.');
    expect(channelLangs('en')).toEqual(['en']);
  });

  it('ends each language with its own *Add to calendar* link when calendar links are on', () => {
    const calendarUrl = (eventId: string, lang: string) => `https://corridor.example.org/calendar/event.ics?id=${eventId}&sig=s&lang=${lang}`;
    const reply = eventReminderView({ events: [event], partners: new Map([['udes', organiser]]), langs: channelLangs('both'), calendarUrl });
    expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
    expect(reply.blocks.map((block) => block.type)).toEqual(['section', 'context', 'context', 'divider', 'section', 'context', 'context']);
    const text = renderBlocksAsText(reply.blocks);
    expect(text).toContain('Ajouter au calendrier (https://corridor.example.org/calendar/event.ics?id=forum&sig=s&lang=fr)');
    expect(text).toContain('Add to calendar (https://corridor.example.org/calendar/event.ics?id=forum&sig=s&lang=en)');
  });

  it('gives an online event its time range, "online" for a place, and its link, in each language', () => {
    const call = eventRecord('call', '2026-11-27', { startTime: '13:30', endTime: '15:30', place: '', onlineUrl: 'https://zoom.us/j/851' });
    const reply = eventReminderView({ events: [call], partners: new Map(), langs: ['fr', 'en'] });
    expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
    const text = renderBlocksAsText(reply.blocks);
    expect(text).toContain('de 13 h 30 à 15 h 30 — En ligne');
    expect(text).toContain('Lien en ligne\u00a0: https://zoom.us/j/851');
    expect(text).toContain('1:30 p.m. to 3:30 p.m. — Online');
    expect(text).toContain('Online link: https://zoom.us/j/851');
  });

  it('escapes the title in the notification text too', () => {
    const reply = eventReminderView({ events: [event], partners: new Map(), langs: ['fr', 'en'] });
    expect(reply.text).toContain('Forum &lt;!channel&gt;');
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
  });

  it('groups the events of one day in one message, within 50 blocks however many', () => {
    const morning = eventRecord('atelier', '2026-11-27', { startTime: '09:00', place: 'Sherbrooke' });
    const reply = eventReminderView({ events: [morning, event], partners: new Map([['udes', organiser]]), langs: ['en'] });
    const text = renderBlocksAsText(reply.blocks);
    expect(text).toContain('Reminder: 2 events tomorrow.');
    expect(text.indexOf('Meeting atelier')).toBeLessThan(text.indexOf('Forum'));
    expect(reply.text).toBe('Reminder: 2 events tomorrow. Meeting atelier and Forum &lt;!channel&gt;');
    const many = Array.from({ length: 40 }, (_, i) => eventRecord(`e-${i}`, '2026-11-27', { organiserIds: ['udes'] }));
    const big = eventReminderView({ events: many, partners: new Map([['udes', organiser]]), langs: ['fr', 'en'] });
    expect(big.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(blockKitViolations(big.blocks, 'message')).toEqual([]);
  });
});

describe('partner card', () => {
  it('shows when a pending adhesion’s next step is due', () => {
    const partner = partnerRecord('nova', { name: 'Nova', nextStepDueOn: '2026-12-15' });
    const card = partnerCardView({ partner, people: [], lang: 'en', t: catalogue('en'), today: TODAY, audience: 'internal' });
    expect(renderBlocksAsText(card.blocks)).toContain('Next step due: December 15, 2026');
    expect(renderBlocksAsText(card.blocks)).not.toContain('overdue');
  });

  it('flags an overdue next step inside, as pending and the reminder do, and never to another organisation', () => {
    const late = partnerRecord('late', { name: 'Late', nextStepDueOn: '2026-11-01' });
    const text = renderBlocksAsText(partnerCardView({ partner: late, people: [], lang: 'en', t: catalogue('en'), today: TODAY, audience: 'internal' }).blocks);
    expect(text).toContain(':warning: Next step overdue: it was due November 1, 2026');
    const seeded = seedRecords().partners.find((partner) => partner.id === 'venture-lab')!;
    const card = (audience: 'internal' | 'public') => renderBlocksAsText(partnerCardView({ partner: seeded, people: [], lang: 'fr', t: catalogue('fr'), today: TODAY, audience }).blocks);
    expect(card('internal')).toMatch(/Prochaine étape.*\n.*:warning:/);
    expect(card('public')).not.toMatch(/:warning:|retard/);
    expect(card('public')).toContain('intention déclarée depuis 1 an et 7 mois');
  });
});

import { describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { emptySummary, renderSyncSummaryText, syncFailed, type SyncSummary } from '../../src/notion/sync-summary.js';
import { renderSyncSummaryBlocks, renderSyncSummaryFallback } from '../../src/slack/views/sync-summary-view.js';

function summary(): SyncSummary {
  const result = emptySummary(new Date('2025-04-17T12:00:00Z'));
  result.counts.partner = { created: 12, updated: 0, unchanged: 0, archived: 0, pulled: 0, failed: 0 };
  result.counts.action = { created: 0, updated: 1, unchanged: 0, archived: 0, pulled: 1, failed: 1 };
  result.pulled.push({ entity: 'action', recordId: 'a', label: { fr: 'Annoncer', en: 'Announce' }, changes: [
    { field: 'status', from: 'open', to: 'done' },
    { field: 'dueOn', from: null, to: '2025-06-30' },
  ] });
  result.adopted.push({ recordId: 'visit-c2mi', label: { fr: 'Visiter le C2MI', en: 'Visiter le C2MI' } });
  result.unlinked.push({ entity: 'partner', title: 'Draft partner', url: 'https://www.notion.so/0123456789abcdef0123456789abcdef' });
  result.unknownPeople.push({ recordId: 'a', label: { fr: 'Annoncer', en: 'Announce' }, person: 'someone@example.org' });
  result.overwritten.push({ entity: 'partner', recordId: 'iseq', label: { fr: 'ISEQ', en: 'ISEQ' }, properties: ['Name', 'Kind'] });
  result.failures.push({ entity: 'action', recordId: 'b', label: { fr: 'Suivre <x>', en: 'Follow <x>' }, reason: { fr: 'raison', en: 'reason' } });
  result.requests = 31;
  return result;
}

describe('sync summary', () => {
  it('renders counts, pulled changes, overwritten edits and failures in English', () => {
    const text = renderSyncSummaryText(summary(), 'en');
    expect(text).toContain('Partners: 12 created, 0 updated, 0 unchanged, 0 archived, 0 pulled, 0 failed');
    expect(text).toContain('Action items: 0 created, 1 updated, 0 unchanged, 0 archived, 1 pulled, 1 failed');
    expect(text).toContain('Announce: changed in Notion, status Open → Done; due date none → 2025-06-30');
    expect(text).toContain('Visiter le C2MI (Corridor ID visit-c2mi)');
    expect(text).toContain('Partner “Draft partner”: https://www.notion.so/0123456789abcdef0123456789abcdef');
    expect(text).toContain('Announce: someone@example.org');
    expect(text).toContain('ISEQ: Notion edit overwritten by the corridor record (Name, Kind)');
    expect(text).toContain('Follow <x>: reason');
    expect(text).toContain('1 record could not be synced');
    expect(text).toContain('31 requests to Notion');
  });

  it('renders the same in French', () => {
    const text = renderSyncSummaryText(summary(), 'fr');
    expect(text).toContain('Partenaires\u00a0: 12 créées, 0 mise à jour');
    expect(text).toContain('Échecs\u00a0:');
    expect(text).toContain('Annoncer\u00a0: modifié dans Notion, statut Ouverte → Terminée\u00a0; échéance vide → 2025-06-30');
    expect(text).toContain('Partenaire « Draft partner »\u00a0: https://www.notion.so/');
    expect(text).toContain('31 requêtes à Notion');
  });

  it('renders Block Kit with the same facts, escaped', () => {
    const blocks = renderSyncSummaryBlocks(summary(), 'en');
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Notion sync' } });
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toContain('12 created');
    expect(json).toContain('Follow &lt;x&gt;');
    expect(json).not.toContain('Follow <x>');
  });

  it('fails when a record failed or the sync was stopped', () => {
    expect(syncFailed(summary())).toBe(true);
    const clean = emptySummary(new Date());
    expect(syncFailed(clean)).toBe(false);
    const stopped = { ...clean, aborted: { fr: 'non configuré', en: 'not configured' } };
    expect(syncFailed(stopped)).toBe(true);
    expect(renderSyncSummaryText(stopped, 'en')).toBe('Notion sync\nSync stopped: not configured');
  });

  it('escapes Notion’s text in the plain-text fallback Slack shows in notifications', () => {
    const result = summary();
    result.failures.push({
      entity: 'partner',
      recordId: 'c',
      label: { fr: '<!channel> R&D', en: '<!channel> R&D' },
      reason: { fr: 'Notion\u00a0: <!here> <@U0BOSS>', en: 'Notion: <!here> <@U0BOSS>' },
    });
    const text = renderSyncSummaryFallback(result, 'en');
    expect(text).toContain('&lt;!channel&gt; R&amp;D: Notion: &lt;!here&gt; &lt;@U0BOSS&gt;');
    expect(text).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(renderSyncSummaryFallback(result, 'fr')).toContain('&lt;!channel&gt; R&amp;D\u00a0: Notion\u00a0: &lt;!here&gt;');
    // The plain text the command line prints stays as it is.
    expect(renderSyncSummaryText(result, 'en')).toContain('<!channel> R&D: Notion: <!here>');
  });

  it('says in one line that another sync is running, without counts, and is not a failure', () => {
    const result = { ...emptySummary(new Date()), alreadyRunning: { replica: 'web-2:17:a1b2c3', since: '2025-04-17T12:05:09.000Z' } };
    expect(renderSyncSummaryText(result, 'en')).toBe(
      'Notion sync\nA Notion sync is already running on web-2:17:a1b2c3 (since 2025-04-17 12:05 UTC); this one was not started.',
    );
    expect(renderSyncSummaryText(result, 'fr')).toContain('Une synchronisation Notion est déjà en cours sur web-2:17:a1b2c3 (depuis 2025-04-17 12:05 UTC)');
    expect(syncFailed(result)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { BilingualError, bothLanguages } from '../../src/i18n/bilingual-error.js';
import { catalogue } from '../../src/i18n/index.js';
import { notConfiguredMessage } from '../../src/jobs/notion-sync.js';
import { abortReason } from '../../src/notion/sync-engine.js';

describe('bothLanguages', () => {
  it('says the same thing from each catalogue', () => {
    expect(bothLanguages((words) => words.markSigned.dateMissing)).toEqual({ fr: catalogue('fr').markSigned.dateMissing, en: 'Choose the signing date.' });
  });

  it('hands each language to what is already written per language', () => {
    const reason = { fr: 'panne', en: 'outage' };
    expect(bothLanguages((words, lang) => words.notion.summary.aborted(reason[lang]))).toEqual({
      fr: catalogue('fr').notion.summary.aborted('panne'),
      en: catalogue('en').notion.summary.aborted('outage'),
    });
  });

  it('is what the Notion messages and the errors are built with', () => {
    const config = { NOTION_TOKEN: 'secret', NOTION_BASE_URL: undefined, NOTION_PARTNERS_DATABASE_ID: undefined, NOTION_ACTIONS_DATABASE_ID: undefined, NOTION_MAX_RPS: 3 };
    expect(notConfiguredMessage(config)).toEqual(bothLanguages((words) => words.notion.errors.notConfigured('NOTION_PARTNERS_DATABASE_ID, NOTION_ACTIONS_DATABASE_ID')));
    expect(abortReason(new Error('socket hang up'))).toEqual({ fr: 'socket hang up', en: 'socket hang up' });
    expect(new BilingualError('same in both').text).toEqual({ fr: 'same in both', en: 'same in both' });
  });
});

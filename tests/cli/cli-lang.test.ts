import { WebAPIPlatformError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { cliLang } from '../../src/cli/cli-support.js';
import { describeResult } from '../../src/cli/job-command.js';
import { ConfigError, parseConfig } from '../../src/config/env.js';
import { catalogue } from '../../src/i18n/index.js';
import { describePostError } from '../../src/jobs/slack-poster.js';
import { cleanEnv, runCli } from '../support/run-cli.js';

// Every line a command prints reads in the CLI's language: `--lang` where the command takes it, else LANG.

const FRENCH = { LANG: 'fr_CA.UTF-8' };
const ENGLISH = { LANG: 'C.UTF-8' };

describe('the language of a command', () => {
  it('is --lang where the command takes it, otherwise LANG', () => {
    expect(cliLang([], FRENCH)).toBe('fr');
    expect(cliLang([], { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(cliLang([], ENGLISH)).toBe('en');
    expect(cliLang([], {})).toBe('en');
    expect(cliLang(['--lang', 'en'], FRENCH)).toBe('en');
    expect(cliLang(['--lang=fr'], ENGLISH)).toBe('fr');
  });

  it('names the faulty variable in both languages, English as the message', () => {
    try {
      parseConfig({ PORT: 'abc' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { text, message } = error as ConfigError;
      expect(text).toEqual({ en: 'PORT: expected a port number (got "abc")', fr: `PORT: ${catalogue('fr').config.PORT} (reçu\u00a0: « abc »)` });
      expect(message).toBe(text.en);
    }
  });
});

describe('npm start', () => {
  it('prints a configuration error in French under a French LANG', async () => {
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ ...FRENCH, PORT: 'abc' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: PORT: attendu\u00a0: un numéro de port (reçu\u00a0: « abc »)\n');
    expect(result.stdout).toBe('');
  });

  it('names an unsupported database in French too', async () => {
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ ...FRENCH, DATABASE_URL: 'mysql://db/corridor' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'corridor-bot: DATABASE_URL désigne une base de données non prise en charge (mysql)\u00a0; attendu\u00a0: sqlite:<chemin d’un fichier> ou postgres://…\n',
    );
  });

  it('refuses a time zone abbreviation with the place to use, in French', async () => {
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ ...FRENCH, CORRIDOR_TZ: 'EST' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'corridor-bot: CORRIDOR_TZ\u00a0: « EST » est une abréviation, pas un lieu, et ne suit pas l’heure avancée du lieu\u00a0; utilisez America/Toronto\n',
    );
  });

  it('names the faulty entry of CORRIDOR_ADMINS', async () => {
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ ...ENGLISH, CORRIDOR_ADMINS: 'U123,bad' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: CORRIDOR_ADMINS: expected comma-separated Slack user IDs such as U0123,U0456 (entry 2, "bad", is not one)\n');
  });

  it('prints it in English under LANG=C.UTF-8', async () => {
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ ...ENGLISH, PORT: 'abc' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: PORT: expected a port number (got "abc")\n');
  });
});

describe('npm run digest', () => {
  it('refuses an unknown option in French under a French LANG', async () => {
    const result = await runCli('src/cli/digest.ts', { args: ['--bogus'], env: cleanEnv(FRENCH) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: option inconnue --bogus\u00a0; utilisation\u00a0: npm run digest [-- --dry-run [--date AAAA-MM-JJ]]\n');
  });

  it('refuses it in English under LANG=C.UTF-8', async () => {
    const result = await runCli('src/cli/digest.ts', { args: ['--bogus'], env: cleanEnv(ENGLISH) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corridor-bot: unknown option --bogus; usage: npm run digest [-- --dry-run [--date YYYY-MM-DD]]\n');
  });

  it('says what it would post, and asks for a token, in French', async () => {
    const dryRun = await runCli('src/cli/digest.ts', { args: ['--dry-run'], env: cleanEnv(FRENCH) });
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout.split('\n')[0]).toBe('Essai à blanc\u00a0: le résumé qui serait publié dans CORRIDOR_CHANNEL (non défini) maintenant\u00a0:');
    const noToken = await runCli('src/cli/digest.ts', { env: cleanEnv({ ...FRENCH, CORRIDOR_CHANNEL: 'C0CORRIDOR' }) });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/^corridor-bot: SLACK_BOT_TOKEN\u00a0: requis pour publier/);
  });
});

describe('npm run sync', () => {
  it('follows --lang over LANG', async () => {
    const french = await runCli('src/cli/sync.ts', { args: ['--lang', 'fr'], env: cleanEnv({ ...ENGLISH, NOTION_MAX_RPS: '0' }) });
    expect(french.code).toBe(1);
    expect(french.stderr).toBe('corridor-bot: NOTION_MAX_RPS: attendu\u00a0: un nombre de requêtes par seconde (reçu\u00a0: « 0 »)\n');
    const english = await runCli('src/cli/sync.ts', { args: ['--lang', 'en'], env: cleanEnv({ ...FRENCH, NOTION_MAX_RPS: '0' }) });
    expect(english.stderr).toBe('corridor-bot: NOTION_MAX_RPS: expected requests per second (got "0")\n');
  });
});

describe('job results and Slack hints', () => {
  it('read in the CLI’s language', () => {
    const posted = { status: 'posted', job: 'digest', period: '2026-W48', channel: 'C0CORRIDOR', ts: '1.2' } as const;
    expect(describeResult(posted)).toBe('Digest 2026-W48: posted to C0CORRIDOR (ts 1.2).');
    expect(describeResult(posted, catalogue('fr').cli.jobs)).toBe('Résumé 2026-W48\u00a0: publié dans C0CORRIDOR (ts 1.2).');
    const skipped = { status: 'skipped', job: 'remind', period: '2026-11-26', reason: 'already-done' } as const;
    expect(describeResult(skipped, catalogue('fr').cli.jobs)).toBe('Rappel 2026-11-26\u00a0: déjà publié\u00a0; rien à faire.');

    const refusal = new WebAPIPlatformError({ ok: false, error: 'not_in_channel' } as never);
    expect(describePostError(refusal, 'C0CORRIDOR').hint).toContain('invite it (type /invite @corridor in that channel)');
    expect(describePostError(refusal, 'C0CORRIDOR', 'fr').hint).toContain('invitez-le (tapez /invite @corridor dans ce canal)');
  });
});

import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../support/run-cli.js';

// `--dry-run --date YYYY-MM-DD` as a new user tries it: separate processes, a fresh database, no
// credentials, the corridor's public holidays (CORRIDOR_HOLIDAYS, CA-QC by default).

describe('--dry-run --date: what the schedule posts on a given day', () => {
  it('remind on the Fête nationale (2026-06-24): nothing posted, and the next reminder the day after', async () => {
    const result = await runCli('src/cli/remind.ts', { args: ['--dry-run', '--date', '2026-06-24'], env: cleanEnv({ REMINDER_CRON: '0 10 * * 1-5' }) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Dry run: no reminder on Wednesday, June 24, 2026, a public holiday: National Holiday (Fête nationale du Québec). ' +
        'The next reminder goes out on Thursday, June 25, 2026 at 10:00 a.m.\n',
    );
  });

  it('says it in French under a French LANG', async () => {
    const result = await runCli('src/cli/remind.ts', {
      args: ['--dry-run', '--date=2026-06-24'],
      env: cleanEnv({ LANG: 'fr_CA.UTF-8', REMINDER_CRON: '0 10 * * 1-5' }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('aucun rappel le mercredi 24 juin 2026, jour férié\u00a0: Fête nationale du Québec (National Holiday).');
    expect(result.stdout).toContain('Le prochain rappel sera publié le jeudi 25 juin 2026 à 10 h.');
  });

  it('digest on Labour Day (2026-09-07): the week’s digest goes out on Tuesday 8 September, and that day prints it', async () => {
    const monday = await runCli('src/cli/digest.ts', { args: ['--dry-run', '--date', '2026-09-07'] });
    expect(monday.code).toBe(0);
    expect(monday.stdout).toBe(
      'Dry run: no digest on Monday, September 7, 2026, a public holiday: Labor Day (Fête du Travail). ' +
        'The digest due that day goes out on the next working day, on Tuesday, September 8, 2026 at 9:00 a.m.\n',
    );

    const tuesday = await runCli('src/cli/digest.ts', { args: ['--dry-run', '--date', '2026-09-08'] });
    expect(tuesday.code).toBe(0);
    const lines = tuesday.stdout.split('\n');
    expect(lines[0]).toBe('This is the post held over from Monday, September 7, 2026, a public holiday: Labor Day (Fête du Travail).');
    expect(lines[1]).toBe('Dry run: the digest that would be posted to CORRIDOR_CHANNEL (not set) on Tuesday, September 8, 2026 at 9:00 a.m.:');
    expect(tuesday.stdout).toContain('RÉSUMÉ DU CORRIDOR — SEMAINE DU 7 SEPTEMBRE 2026');
    expect(tuesday.stdout).toContain('CORRIDOR DIGEST — WEEK OF');
  });

  it('a day the cron does not post names the next post; a holiday of another region counts once it is listed', async () => {
    const wednesday = await runCli('src/cli/digest.ts', { args: ['--dry-run', '--date', '2026-09-09'] });
    expect(wednesday.stdout).toBe('Dry run: DIGEST_CRON posts no digest on Wednesday, September 9, 2026. The next digest goes out on Monday, September 14, 2026 at 9:00 a.m.\n');

    const weekdays = { REMINDER_CRON: '0 10 * * 1-5' };
    const quebecOnly = await runCli('src/cli/remind.ts', { args: ['--dry-run', '--date', '2026-07-03'], env: cleanEnv(weekdays) });
    expect(quebecOnly.stdout).toMatch(/^Dry run: the reminder that would be posted to .* on Friday, July 3, 2026 at 10:00 a\.m\.:/);
    const withVermont = await runCli('src/cli/remind.ts', { args: ['--dry-run', '--date', '2026-07-03'], env: cleanEnv({ ...weekdays, CORRIDOR_HOLIDAYS: 'CA-QC,US-VT,US-NH' }) });
    expect(withVermont.stdout).toContain('no reminder on Friday, July 3, 2026, a public holiday: Independence Day (substitute day).');
    expect(withVermont.stdout).toContain('The next reminder goes out on Monday, July 6, 2026 at 10:00 a.m.');
  });

  it('event-reminder on the eve of the Sherbrooke meeting prints its reminder; on a holiday it still posts', async () => {
    const eve = await runCli('src/cli/event-reminder.ts', { args: ['--dry-run', '--date', '2025-04-15'] });
    expect(eve.code).toBe(0);
    expect(eve.stdout).toContain('on Tuesday, April 15, 2025 at 9:00 a.m.:');
    expect(eve.stdout).toContain('Reminder: First official meeting of the MOU signatories is tomorrow.');

    const holiday = await runCli('src/cli/event-reminder.ts', { args: ['--dry-run', '--date', '2026-09-07'] });
    expect(holiday.stdout.split('\n')[0]).toBe('Monday, September 7, 2026 is a public holiday (Labor Day (Fête du Travail)); event reminders still go out, the day before each event.');
    expect(holiday.stdout).toContain('no event tomorrow (2026-09-08)');
  });

  it('a bad --date, or --date without --dry-run, is one line and exit code 1', async () => {
    const bad = await runCli('src/cli/digest.ts', { args: ['--dry-run', '--date', '2026-02-30'] });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('corridor-bot: --date: "2026-02-30" is not a date; expected YYYY-MM-DD, e.g. --date 2026-09-08; usage: npm run digest [-- --dry-run [--date YYYY-MM-DD]]\n');

    const missing = await runCli('src/cli/remind.ts', { args: ['--dry-run', '--date'] });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^corridor-bot: --date: "" is not a date; .*\n$/);

    const posting = await runCli('src/cli/event-reminder.ts', { args: ['--date', '2026-09-08'] });
    expect(posting.code).toBe(1);
    expect(posting.stderr).toBe('corridor-bot: --date only previews what would be posted: add --dry-run; usage: npm run event-reminder [-- --dry-run [--date YYYY-MM-DD]]\n');
  });

  it('an unknown region in CORRIDOR_HOLIDAYS is one line naming the entry, and exit code 1', async () => {
    const result = await runCli('src/cli/digest.ts', { args: ['--dry-run'], env: cleanEnv({ CORRIDOR_HOLIDAYS: 'CA-QC, US-XX' }) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'corridor-bot: CORRIDOR_HOLIDAYS: "US-XX" is not a region with known public holidays; expected a country and state or province such as CA-QC, US-VT or US-NH\n',
    );
  });
});

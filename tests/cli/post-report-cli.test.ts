import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../support/run-cli.js';
import { startSlackApiEmulator } from '../support/slack-api-emulator.js';

// `npm run post-report` as an operator runs it: separate processes, a fresh database, the
// corridor's public holidays (CA-QC by default) and REPORT_CRON's default, the first working day.

describe('npm run post-report', () => {
  it('previews the month’s post on its first working day: the summary, and the PDF in its thread', async () => {
    const result = await runCli('src/cli/post-report.ts', { args: ['--dry-run', '--date', '2026-12-01'] });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Dry run: the monthly report that would be posted to CORRIDOR_CHANNEL (not set) on Tuesday, December 1, 2026 at 9:00 a.m.:');
    expect(result.stdout).toContain('RAPPORT DU CORRIDOR — NOVEMBRE 2026');
    expect(result.stdout).toContain('CORRIDOR REPORT — NOVEMBER 2026');
    expect(result.stdout).toMatch(/— in its thread, the file corridor-report-2026-11\.pdf \(\d+ KB\)/);
  });

  it('holds the post of New Year’s Day, a holiday, until the next working day, and skips the weekend', async () => {
    const newYear = await runCli('src/cli/post-report.ts', { args: ['--dry-run', '--date', '2027-01-01'] });
    expect(newYear.code).toBe(0);
    expect(newYear.stdout).toBe(
      "Dry run: no monthly report on Friday, January 1, 2027, a public holiday: New Year's Day (Nouvel An). " +
        'The monthly report due that day goes out on the next working day, on Monday, January 4, 2027 at 9:00 a.m.\n',
    );
    // 1 August 2026 is a Saturday: the weekday nearest the 1st is Monday the 3rd.
    const saturday = await runCli('src/cli/post-report.ts', { args: ['--dry-run', '--date', '2026-08-01'] });
    expect(saturday.stdout).toBe('Dry run: REPORT_CRON posts no monthly report on Saturday, August 1, 2026. The next monthly report goes out on Monday, August 3, 2026 at 9:00 a.m.\n');
  });

  it('posts once, and says so the second time', async () => {
    const slack = await startSlackApiEmulator({ botToken: 'xoxb-post-report' });
    try {
      const env = cleanEnv({ SLACK_BOT_TOKEN: 'xoxb-post-report', SLACK_API_URL: slack.url, CORRIDOR_CHANNEL: 'C0CORRIDOR', DATABASE_URL: 'sqlite::memory:' });
      const first = await runCli('src/cli/post-report.ts', { env });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Monthly report \d{4}-\d{2}: posted to C0CORRIDOR \(ts \d+\.\d+\)\.\n$/);
      expect(slack.filesSharedIn('C0CORRIDOR')).toHaveLength(1);
      expect(slack.filesSharedIn('C0CORRIDOR')[0]!.bytes!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await slack.close();
    }
  });
});

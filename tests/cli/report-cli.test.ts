import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../support/run-cli.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-report-'));
  dirs.push(dir);
  return dir;
}

describe('npm run report', () => {
  it('writes the PDF, the four CSV files and the workbook with no credentials, on the embedded store', async () => {
    const out = join(tempDir(), 'out', 'r');
    const result = await runCli('src/cli/report.ts', { args: ['--out', out, '--period', '2025-Q2'] });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['action-items.csv', 'corridor-report-2025-Q2.pdf', 'corridor.xlsx', 'events.csv', 'partners.csv', 'people.csv']);
    expect(result.stdout).toContain(`6 files written to ${out}`);
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(out, 'corridor-report-2025-Q2.pdf'))), verbosity: 0 }).promise;
    const first = await (await pdf.getPage(1)).getTextContent();
    expect(first.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ')).toContain('Rapport du corridor — 2e trimestre 2025');
    const partners = await (await pdf.getPage(3)).getTextContent();
    const names = partners.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    for (const name of ['Venture Lab', 'CMC Microsystems', 'New Hampshire']) expect(names).toContain(name);
    await pdf.destroy();
    expect(readFileSync(join(out, 'partners.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(13);
  });

  it('names the last full month by default, into ./reports, and says it in French under a French LANG', async () => {
    const cwd = tempDir();
    const result = await runCli(join(process.cwd(), 'src/cli/report.ts'), { cwd, env: cleanEnv({ LANG: 'fr_CA.UTF-8' }) });
    expect(result.code).toBe(0);
    const files = readdirSync(join(cwd, 'reports'));
    const month = new Date().toISOString().slice(0, 7);
    expect(files.find((name) => name.endsWith('.pdf'))).toMatch(/^corridor-report-\d{4}-\d{2}\.pdf$/);
    expect(files.find((name) => name.endsWith('.pdf'))).not.toBe(`corridor-report-${month}.pdf`);
    expect(result.stdout).toMatch(/^Rapport .+ \(Édition interne/);
  });

  it('answers a bad option, period or language in one line with exit code 1, and writes nothing', async () => {
    const out = join(tempDir(), 'never');
    for (const [args, expected] of [
      [['--period', '2026-Q5'], /^corridor-bot: --period: "2026-Q5" is not a period; expected a month \(2026-11\)/],
      [['--lang', 'de'], /^corridor-bot: --lang: "de" is not a language; expected fr, en or both/],
      [['--colour'], /^corridor-bot: unknown option --colour; usage: npm run report/],
      [['--period'], /^corridor-bot: --period needs a value/],
    ] as const) {
      const result = await runCli('src/cli/report.ts', { args: ['--out', out, ...args] });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(expected);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(() => readdirSync(out)).toThrow();
  });

  it('says in one line when the folder cannot be written', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const result = await runCli('src/cli/report.ts', { args: ['--out', file, '--period', '2026'] });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^corridor-bot: --out: cannot write into .*a-file \(EEXIST\)\n$/);
  });

  it('describes itself with --help', async () => {
    const result = await runCli('src/cli/report.ts', { args: ['--help'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run report/);
    expect(result.stdout).toContain('--public');
    expect(result.stdout).toContain('default: the last full month');
  });
});

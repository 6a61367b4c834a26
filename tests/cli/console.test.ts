import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../support/run-cli.js';

describe('npm start without credentials: the local console', () => {
  it('answers /corridor pending with the three pending adhesions and exits 0 at end of input', async () => {
    const result = await runCli('src/cli/start.ts', { input: '/corridor pending\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('local console');
    for (const name of ['Venture Lab', 'CMC Microsystems', 'Department of Business and Economic Affairs – State of New Hampshire']) {
      expect(result.stdout).toContain(name);
    }
    expect(result.stdout).toMatch(/intention declared for \d+ year/);
  });

  it('renders the same blocks as Slack, as text, in French on request', async () => {
    const result = await runCli('src/cli/start.ts', { input: 'corridor partner udes --fr\n/corridor nimporte\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('UNIVERSITÉ DE SHERBROOKE');
    expect(result.stdout).toContain('Statut\u00a0: Signataire');
    expect(result.stdout).toContain('I don’t know the command “nimporte”.');
  });

  it('places partners the release implies in Québec, with a source line where the fact is not the release’s', async () => {
    const result = await runCli('src/cli/start.ts', { input: '/corridor partners qc\n/corridor partner c2mi\n/corridor partner distriq\n/corridor partners us\n' });
    expect(result.code).toBe(0);
    const [list = '', c2mi = '', distriq = '', us = ''] = result.stdout.split(/\n(?=CORRIDOR PARTNERS|C2MI\n|DISTRIQ\n)/).slice(1);
    for (const name of ['Université de Sherbrooke — University · Québec', 'C2MI — Québec', 'Distriq — Innovation zone · Québec']) expect(list).toContain(name);
    expect(list).not.toContain('Vermont');
    expect(c2mi).toContain('Source of “Jurisdiction”: public knowledge (C2MI is in Bromont, Québec), not the press release.');
    expect(distriq).toContain('Source of “Jurisdiction”: public knowledge (Distriq is in Sherbrooke, Québec), not the press release.');
    expect(us).toContain('University of Vermont');
    expect(us).toContain('State of New Hampshire');
    expect(us).not.toContain('C2MI');
  });

  it('lists a partner’s people with their roles and finds anyone on record, partner or not', async () => {
    const result = await runCli('src/cli/start.ts', { input: '/corridor partner technum\n/corridor people welch\n/corridor personnes sylvestre\n/corridor person latour\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('• Manon Duclos, President and Chief Executive Officer');
    expect(result.stdout).toContain('• Stéphanie Latour, Vice-President, Public Affairs and Community Relations');
    expect(result.stdout).toContain('• Peter Welch — Senator (Vermont), architect of the CHIPS and Science Act');
    expect(result.stdout).toContain('PERSONNES — « SYLVESTRE »');
    expect(result.stdout).toContain('• René Sylvestre — délégué du Québec à Boston');
    // The console's user is a coordinator: internal details show.
    expect(result.stdout).toContain('E-mail (internal): stephanie.latour@technumquebec.ca');
    expect(result.stdout).toContain('The corridor’s press contact, per the press release.');
  });

  it('answers questions as a new coordinator types them: a name after "new", short names, typos, dates in words', async () => {
    const input = '/corridor partner new hampshire\n/corridor partner uvm\n/corridor partner sherbroke\n/corridor event 16 avril\n';
    const result = await runCli('src/cli/start.ts', { input });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const headings = [
      'DEPARTMENT OF BUSINESS AND ECONOMIC AFFAIRS – STATE OF NEW HAMPSHIRE',
      'UNIVERSITY OF VERMONT',
      'UNIVERSITÉ DE SHERBROOKE',
      'FIRST OFFICIAL MEETING OF THE MOU SIGNATORIES',
    ];
    const positions = headings.map((heading) => result.stdout.indexOf(`\n${heading}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(result.stdout).toContain('April 16, 2025');
    expect(result.stdout).toContain('Usual short names: UVM');
    expect(result.stdout).not.toMatch(/No partner matches|No event matches|opens a form/);
  });

  it('reads commands as people type them: extra words, a person asked as a partner, a French question, an event not found', async () => {
    const input = ['/corridor partner c2mi extra words', '/corridor partner welch', '/corridor partenaire c2mi', '/corridor qui a parlé ?', '/corridor event boston'].join('\n');
    const result = await runCli('src/cli/start.ts', { input: `${input}\n` });
    expect(result.code).toBe(0);
    const [extra = '', welch = '', french = '', question = '', boston = ''] = result.stdout.split('\n\n').filter((part) => !part.includes('local console')).map((part) => part.trim());
    expect(extra).toMatch(/^C2MI\n═+\n {2}I left out “extra words”, which is not part of the name\.\n {2}Status: Signatory/);
    expect(welch).toContain('No partner matches “welch”. Looking for a person? /corridor person welch');
    // A French command word makes the whole card French, its fields' colons included.
    expect(french).toContain('Statut\u00a0: Signataire');
    expect(french).toContain('Territoire\u00a0: Québec');
    expect(question).toContain('Je ne connais pas la commande « qui ».');
    expect(boston).toBe('No event matches “boston”.\n  See them all with /corridor events, or the coming ones with /corridor events upcoming.');
  });

  it('names what was done at the console "console", never by its stand-in Slack ID', async () => {
    const input = '/corridor log venture lab: Call with their counsel\n/corridor stage venture lab legal review\n/corridor history venture lab\n';
    const result = await runCli('src/cli/start.ts', { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/· call · console\n/);
    expect(result.stdout).toContain('— console changed the record.');
    expect(result.stdout).not.toContain('ULOCALCONSOLE');
  });

  it('follows a French LANG for its own words', async () => {
    const result = await runCli('src/cli/start.ts', { input: '/corridor\n', env: cleanEnv({ LANG: 'fr_CA.UTF-8' }) });
    expect(result.stdout).toContain('console locale');
    expect(result.stdout).toContain('CORRIDOR BOT — CE QUE JE SAIS FAIRE');
  });

  it('keeps data between runs in the same database', async () => {
    const env = cleanEnv();
    await runCli('src/cli/start.ts', { input: '', env });
    const again = await runCli('src/cli/start.ts', { input: '/corridor partners\n', env });
    expect(again.stdout).toContain('9 signatories, 3 pending adhesions');
  });

  it('stops with one clear line and exit code 1 on a bad setting', async () => {
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ PORT: 'eighty' }) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^corridor-bot: PORT: /)]);
    expect(result.stdout).toBe('');
  });

  it('refuses a database it cannot use, with exit code 1', async () => {
    const result = await runCli('src/cli/start.ts', { env: cleanEnv({ DATABASE_URL: 'mysql://db/corridor' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^corridor-bot: DATABASE_URL uses an unsupported database \(mysql\)/);
  });

  it('creates its default database under ./data of the working directory', async () => {
    const cwd = mkdtempSync(`${tmpdir()}/corridor-cwd-`);
    const env = cleanEnv();
    delete env.DATABASE_URL;
    const result = await runCli(new URL('../../src/cli/start.ts', import.meta.url).pathname, { input: '/corridor about\n', env, cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ABOUT THE CORRIDOR');
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${cwd}/data/corridor.sqlite`)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { SIGNING_SECRET, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { postSigned, signSlackRequest, slashCommandBody } from '../support/slack-signing.js';

interface SlackReply {
  response_type: string;
  text: string;
  blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[];
}

let running: RunningCorridorApp;

beforeAll(async () => {
  running = await startCorridorApp();
  running.slack.setUser({ id: 'U0FRANCINE', locale: 'fr-CA', real_name: 'Francine' });
  running.slack.setUser({ id: 'U0ALICE', locale: 'en-US', real_name: 'Alice' });
});

afterAll(async () => {
  await running.close();
});

async function ask(text: string, user_id = 'U0ALICE'): Promise<SlackReply> {
  const response = await running.command(text, { user_id });
  expect(response.status).toBe(200);
  const reply = response.json as SlackReply;
  expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
  return reply;
}

/** All the text a user would read in the reply's blocks. */
function readable(reply: SlackReply): string {
  return reply.blocks
    .flatMap((block) => [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text), JSON.stringify((block as { elements?: unknown }).elements ?? '')])
    .join('\n');
}

describe('/corridor over signed HTTP', () => {
  it('answers partner c2mi with C2MI’s card, ephemeral, within Slack’s window', async () => {
    const started = Date.now();
    const reply = await ask('partner c2mi');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]).toMatchObject({ type: 'header', text: { text: 'C2MI' } });
    expect(readable(reply)).toContain('Signatory');
    expect(reply.text).toContain('C2MI');
  });

  it('lists partners grouped by status', async () => {
    const text = readable(await ask('partners'));
    expect(text.indexOf('MOU signatories')).toBeLessThan(text.indexOf('Pending adhesions'));
    expect(text).toContain('(9)');
    expect(text).toContain('(3)');
  });

  it('filters partners by jurisdiction and by status', async () => {
    const vermont = readable(await ask('partners vt'));
    expect(vermont).toContain('University of Vermont');
    expect(vermont).toContain('Vermont Agency of Commerce and Community Development');
    expect(vermont).not.toContain('Technum');
    const pending = readable(await ask('partners pending'));
    expect(pending).toContain('Venture Lab');
    expect(pending).not.toContain('C2MI');
  });

  it('shows pending adhesions with their age and next step', async () => {
    const text = readable(await ask('pending'));
    for (const name of ['Venture Lab', 'CMC Microsystems', 'New Hampshire']) expect(text).toContain(name);
    expect(text).toMatch(/intention declared for \d+ year/);
    expect(text).toContain('Next step: Confirm adhesion to the MOU');
  });

  it('answers in French for a fr-CA Slack user, and --en overrides it', async () => {
    const french = await ask('attente', 'U0FRANCINE');
    expect(readable(french)).toMatch(/intention déclarée depuis \d+ an/);
    const english = await ask('pending --en', 'U0FRANCINE');
    expect(readable(english)).toMatch(/intention declared for/);
    expect(running.slack.callsTo('users.info').filter((call) => call.args.user === 'U0FRANCINE')).toHaveLength(1);
  });

  it('accepts French subcommands with or without accents, answering them in French unless --en', async () => {
    expect(readable(await ask('événements'))).toContain('Première rencontre officielle des signataires du protocole d’entente');
    expect(readable(await ask('evenements passes'))).toContain('Première rencontre officielle');
    expect(readable(await ask('partenaire udes'))).toContain('Université');
    expect(readable(await ask('partenaire udes --en'))).toContain('University');
    expect(readable(await ask('events'))).toContain('First official meeting of the MOU signatories');
  });

  it('shows an event by date with organisers and speakers', async () => {
    const text = readable(await ask('event 2025-04-16'));
    expect(text).toContain('Technum Québec and AmCham Québec');
    expect(text).toContain('Peter Welch');
    expect(text).toContain('René Sylvestre');
  });

  it('groups action items by the four tracks', async () => {
    const text = readable(await ask('actions'));
    expect(text).toMatch(/1\. Improving mutual knowledge[\s\S]*2\. Accelerating joint research[\s\S]*3\. Building local, resilient[\s\S]*4\. Coordinating more closely/);
  });

  it('gives the corridor’s figures in about', async () => {
    const text = readable(await ask('about --fr'));
    expect(text).toContain('plus de 900');
    expect(text).toMatch(/9\*? signataires/);
  });

  it('reads a name typed as two words, `à propos` and `en attente`, as the command it is', async () => {
    for (const typed of ['à propos', 'a propos', 'À Propos']) {
      const text = readable(await ask(typed));
      expect(text, typed).toContain('plus de 900');
      expect(text, typed).not.toContain('don’t know');
    }
    expect(readable(await ask('en attente'))).toContain('Venture Lab');
    expect(readable(await ask('a'))).toContain('I don’t know the command “a”');
  });

  it('lists the matches when several partners match, and suggests one when none does', async () => {
    const several = await ask('partner vermont');
    expect(readable(several)).toContain('2 partners match “vermont”');
    const typo = await ask('partner distrik');
    expect(typo.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Distriq' } });
    const none = await ask('partner dixtrik');
    expect(readable(none)).toContain('Did you mean *Distriq*?');
  });

  it('answers unknown subcommands with a short help and the closest one', async () => {
    const reply = await ask('partnres');
    expect(reply.response_type).toBe('ephemeral');
    expect(readable(reply)).toContain('Did you mean `/corridor partners`?');
  });

  it('suggests real commands in the reader’s language, never a punctuation alias, else the help', async () => {
    const english = readable(await ask('partenair'));
    expect(english).toContain('Did you mean `/corridor partner`?');
    const french = readable(await ask('evenment', 'U0FRANCINE'));
    expect(french).toContain('Vouliez-vous dire `/corridor événement` ?');
    for (const typed of ['x', '!', '??', 'nimporte']) {
      const text = readable(await ask(typed));
      expect(text).toContain('Did you mean `/corridor help`?');
      expect(text).not.toMatch(/\/corridor [?!h]`/);
    }
    expect(readable(await ask('nimporte', 'U0FRANCINE'))).toContain('Vouliez-vous dire `/corridor aide` ?');
    expect(readable(await ask('UVM'))).toContain('Did you mean `/corridor partner uvm`?');
    expect(readable(await ask('université de sherbroke', 'U0FRANCINE'))).toContain('Vouliez-vous dire `/corridor partenaire universite de sherbroke` ?');
  });

  it('escapes what the user typed so it can neither ping nor break formatting', async () => {
    const typed = '<!channel> <!here> <@U0BOSS> & <https://evil.example|click>';
    for (const text of [`partner ${typed}`, `${typed}`, `events ${typed}`, `event ${typed}`, `partners ${typed}`, `actions ${typed}`]) {
      const reply = await ask(text);
      const all = JSON.stringify(reply);
      expect(all).not.toMatch(/<!channel>|<!here>|<@U0BOSS>|<https:\/\/evil/);
      expect(readable(reply)).toContain('&lt;!channel&gt;');
      expect(reply.text).not.toMatch(/<!|<@/);
    }
  });

  it('refuses an over-long command politely', async () => {
    const reply = await ask(`partner ${'x'.repeat(5000)}`);
    expect(reply.text).toContain('too long');
  });
});

describe('request verification', () => {
  const body = () => slashCommandBody({ text: 'partners', response_url: running.slack.responseUrl });

  it('refuses a forged signature with 401', async () => {
    const response = await postSigned(running.eventsUrl, body(), { signingSecret: SIGNING_SECRET, signature: 'v0=' + '0'.repeat(64) });
    expect(response.status).toBe(401);
  });

  it('refuses a request signed with another secret with 401', async () => {
    const response = await postSigned(running.eventsUrl, body(), { signingSecret: 'not-the-secret' });
    expect(response.status).toBe(401);
  });

  it('refuses an unsigned request with 401', async () => {
    const response = await postSigned(running.eventsUrl, body(), { signingSecret: SIGNING_SECRET, omitSignature: true });
    expect(response.status).toBe(401);
  });

  it('refuses a correctly signed but stale (> 5 minutes) request with 401', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await postSigned(running.eventsUrl, body(), { signingSecret: SIGNING_SECRET, timestamp: stale });
    expect(response.status).toBe(401);
  });

  it('accepts a request signed four minutes ago', async () => {
    const recent = Math.floor(Date.now() / 1000) - 4 * 60;
    const response = await postSigned(running.eventsUrl, body(), { signingSecret: SIGNING_SECRET, timestamp: recent });
    expect(response.status).toBe(200);
  });

  it('computes v0 signatures as Slack’s published example', () => {
    const published =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, published)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});

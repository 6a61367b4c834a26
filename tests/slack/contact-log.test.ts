import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/domain/dates.js';
import { ADMIN_ID } from '../support/corridor-app.js';
import { ALICE, appsWithReaders, askAs, PARTNER, SHARED } from '../support/corridor-readers.js';

// The contact log, tried as coordinators, colleagues and partners would: signed requests to the
// real receiver, on both databases.

const today = () => localIsoDate(new Date(), 'America/Toronto');

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the contact log (${kind})`, () => {
    const { start } = appsWithReaders(`contacts-${kind}`, kind);

    const ask = askAs;

    it('logs a call on Venture Lab; the card shows it to the inside, never to another organisation', async () => {
      const app = await start();
      const saved = await ask(app, 'log venture lab: Call with their legal counsel, draft sent');
      expect(saved).toContain('Logged for *Venture Lab*.');
      const [entry] = await app.store.contacts.list();
      expect(entry).toMatchObject({ partnerId: 'venture-lab', on: today(), author: ADMIN_ID, kind: 'call', text: 'Call with their legal counsel, draft sent', nextFollowUpOn: null });
      expect((await app.store.history('contact', entry!.id))[0]).toMatchObject({ change: 'created', actor: ADMIN_ID });

      const inside = await ask(app, 'partner venture lab', ALICE);
      expect(inside).toContain('Call with their legal counsel, draft sent');
      expect(inside).toContain('last contact today');
      const outside = await ask(app, 'partner venture lab', PARTNER, SHARED);
      expect(outside).toContain('Venture Lab');
      expect(outside).not.toMatch(/legal counsel|last contact|Contact log/);
      expect(await ask(app, 'pending', ALICE)).toContain('last contact today');
      expect(await ask(app, 'pending', PARTNER, SHARED)).not.toContain('last contact');
    });

    it('lists a partner’s entries newest first, in French too, and refuses others politely', async () => {
      const app = await start();
      await ask(app, 'log cmc: Meeting in Bromont about the adhesion document');
      await ask(app, 'suivi cmc: courriel envoyé avec le document');
      const list = await ask(app, 'log cmc', ALICE);
      expect(list.indexOf('courriel envoyé')).toBeLessThan(list.indexOf('Meeting in Bromont'));
      expect(list).toContain('e-mail');
      expect(await ask(app, 'suivi cmc')).toContain('Suivi des contacts — CMC Microsystems');
      // A colleague reads, a coordinator writes; another organisation does neither.
      expect(await ask(app, 'log cmc: we talked', ALICE)).toMatch(/coordinator/i);
      expect(await ask(app, 'log cmc', PARTNER, SHARED)).not.toContain('Bromont');
      expect(await app.store.contacts.list()).toHaveLength(2);
      expect(await ask(app, 'log')).toContain('Tell me the partner');
      expect(await ask(app, `log cmc: ${'x'.repeat(2500)}`)).toContain('too long');
    });

    it('flags an adhesion whose follow-up date has passed, inside only', async () => {
      const app = await start();
      const yesterday = addDays(today(), -1);
      await ask(app, `log venture lab: Note: they will send comments, next ${yesterday}`);
      expect((await app.store.contacts.list())[0]).toMatchObject({ kind: 'note', nextFollowUpOn: yesterday });
      expect(await ask(app, 'pending')).toContain(':warning: Follow-up was due');
      expect(await ask(app, 'pending', PARTNER, SHARED)).not.toMatch(/Follow-up|warning/);
      // A contact made since closes the follow-up.
      await ask(app, 'log venture lab: Call, comments received');
      expect(await ask(app, 'pending')).not.toContain('Follow-up was due');
    });
  });
}

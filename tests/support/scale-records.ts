import Database from 'better-sqlite3';
import type { ActionItem, ContactEntry, CorridorEvent, Partner, Person } from '../../src/domain/types.js';
import { jurisdictions, partnerKinds } from '../../src/domain/types.js';
import { sqlitePathFromUrl } from '../../src/store/open-store.js';
import type { PostgresCorridorStore } from '../../src/store/postgres/postgres-corridor-store.js';
import { rowOf, type StoredRecord } from '../../src/store/record-row.js';
import { seedTracks } from '../../src/store/seed/communique-2025-04-17.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { actionRecord, eventRecord, partnerRecord } from './records.js';

/**
 * A corridor at its realistic future size (the ecosystem counts 900+ firms): 2,000 partners,
 * 5,000 action items, 1,000 events, people in proportion, and a contact log. Each record's name
 * carries a tag, `#P0001`, `#A0001`…, so that a test can count every record across pages.
 */
export const SCALE = { partners: 2_000, actions: 5_000, events: 1_000, people: 1_500, contacts: 1_000 } as const;

export const OWNER = 'U0ADMIN';
const META = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null, removedAt: null };
const OTHER_OWNERS = ['U0ALICE', 'U0BOB', 'U0CAROL'];

const pad = (n: number) => String(n).padStart(4, '0');
export const tag = (kind: 'P' | 'A' | 'E' | 'H', n: number) => `#${kind}${pad(n)}`;

/** Every record tag a text holds, e.g. every partner shown on a page. */
export function tagsIn(text: string, kind: 'P' | 'A' | 'E' | 'H'): string[] {
  return text.match(new RegExp(`#${kind}\\d{4}\\b`, 'g')) ?? [];
}

function dateFrom(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Names as long as real ones get: most short, one in ten near the 200-character limit. */
function partnerName(n: number): string {
  const base = `Atelier de microélectronique ${tag('P', n)}`;
  return n % 10 === 0 ? `${base} — Consortium for Advanced Semiconductor Packaging, Heterogeneous Integration & Test of the Northeast`.slice(0, 200) : base;
}

export function scaleRecords(today = '2026-11-26') {
  const partners: Partner[] = Array.from({ length: SCALE.partners }, (_, i) => {
    const pending = i % 3 === 0;
    return partnerRecord(`scale-partner-${pad(i)}`, {
      name: partnerName(i),
      acronym: i % 4 === 0 ? `AM${pad(i)}` : null,
      kind: partnerKinds[i % partnerKinds.length]!,
      jurisdiction: jurisdictions[i % jurisdictions.length]!,
      status: pending ? 'pending' : 'signatory',
      pendingSince: pending ? dateFrom('2025-05-01', i % 500) : null,
      joinedOn: pending ? null : dateFrom('2025-04-17', i % 400),
      nextStep: pending ? { fr: 'Obtenir la signature du conseil d’administration', en: 'Get the board’s signature' } : null,
      nextStepDueOn: pending && i % 2 === 0 ? dateFrom(today, (i % 60) - 30) : null,
      followUpUserId: pending ? OTHER_OWNERS[i % OTHER_OWNERS.length]! : null,
      internalNote: pending ? 'Relancer après la rencontre annuelle; le conseil siège en janvier.' : null,
    });
  });
  const people: Person[] = Array.from({ length: SCALE.people }, (_, i) => ({
    ...META,
    id: `scale-person-${pad(i)}`,
    name: `Personne ${tag('H', i)} Tremblay-Lévesque`,
    title: { fr: 'Directrice du développement des affaires', en: 'Director of Business Development' },
    partnerId: partners[i % partners.length]!.id,
    affiliation: null,
    email: `person${i}@example.org`,
    quote: null,
  }));
  const events: CorridorEvent[] = Array.from({ length: SCALE.events }, (_, i) =>
    eventRecord(`scale-event-${pad(i)}`, dateFrom('2025-06-01', i % 900), {
      title: { fr: `Atelier du corridor ${tag('E', i)} : intégration hétérogène`, en: `Corridor workshop ${tag('E', i)}: heterogeneous integration` },
      startTime: i % 2 ? '09:30' : null,
      place: 'Centre de collaboration MiQro Innovation (C2MI), Bromont',
      organiserIds: [partners[i % partners.length]!.id],
      attendingPartnerIds: [partners[(i + 1) % partners.length]!.id, partners[(i + 2) % partners.length]!.id],
      status: i % 25 === 0 ? 'cancelled' : 'scheduled',
    }),
  );
  const trackIds = [...seedTracks.map((track) => track.id), null];
  const actions: ActionItem[] = Array.from({ length: SCALE.actions }, (_, i) =>
    actionRecord(`scale-action-${pad(i)}`, trackIds[i % trackIds.length]!, {
      title: { fr: `Préparer la mission commerciale ${tag('A', i)} au Vermont`, en: `Prepare the trade mission ${tag('A', i)} to Vermont` },
      status: (['open', 'in_progress', 'done', 'cancelled'] as const)[i % 4]!,
      ownerUserId: i % 7 === 0 ? OWNER : OTHER_OWNERS[i % OTHER_OWNERS.length]!,
      dueOn: dateFrom(today, (i % 120) - 60),
      partnerIds: [partners[i % partners.length]!.id],
    }),
  );
  const contacts: ContactEntry[] = Array.from({ length: SCALE.contacts }, (_, i) => ({
    ...META,
    id: `scale-contact-${pad(i)}`,
    partnerId: partners[(i * 3) % partners.length]!.id,
    on: dateFrom(today, -(i % 90)),
    author: OWNER,
    kind: 'call',
    text: 'Appel avec la direction : le conseil se prononce en janvier.',
    nextFollowUpOn: dateFrom(today, (i % 40) - 20),
  }));
  return { partners, people, events, actions, contacts };
}

type Table = 'partners' | 'people' | 'events' | 'actions' | 'contacts';

const rowsOf = (records: readonly StoredRecord[]) => records.map(rowOf);

/**
 * Writes the records in bulk with the store's own tables and columns, as a script would: SQLite
 * through a connection of its own (the store sees the change as another process's write), and
 * PostgreSQL in one statement per table. Seconds for thousands of records, where saving them one
 * by one (each with its history) would take minutes.
 */
export async function insertAtScale(store: CorridorStore, url: string, records = scaleRecords()): Promise<typeof records> {
  const tables: [Table, readonly StoredRecord[]][] = [
    ['partners', records.partners],
    ['people', records.people],
    ['events', records.events],
    ['actions', records.actions],
    ['contacts', records.contacts],
  ];
  if (store.kind === 'sqlite') {
    const db = new Database(sqlitePathFromUrl(url));
    try {
      db.transaction(() => {
        for (const [table, rows] of tables) {
          const insert = db.prepare(
            `INSERT INTO ${table} (id, body, version, created_at, updated_at, updated_by, removed_at)
             VALUES (@id, @body, @version, @created_at, @updated_at, @updated_by, @removed_at)`,
          );
          for (const row of rowsOf(rows)) insert.run(row);
        }
      })();
    } finally {
      db.close();
    }
    return records;
  }
  const database = (store as PostgresCorridorStore).database;
  for (const [table, rows] of tables) {
    await database.rows(
      `INSERT INTO ${table} (id, body, version, created_at, updated_at, updated_by, removed_at)
       SELECT id, body, version, created_at, updated_at, updated_by, removed_at
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id text, body jsonb, version integer, created_at timestamptz, updated_at timestamptz, updated_by text, removed_at timestamptz)`,
      [JSON.stringify(rowsOf(rows))],
    );
  }
  return records;
}

import type Database from 'better-sqlite3';
import { newId } from '../../shared/util/ids';
import type { TestOffice } from './helpers';

/**
 * Contacts for mailing tests, written straight to the office file (a base of tens of thousands is an
 * import's work, not what these tests are about). Every tenth person of each ten: 0–6 consented to
 * mailings, 7 consented and withdrew, 8 consented to calls only, 9 gave no consent; every 50th of the
 * consenting has no e-mail address. `district` puts them in or out of the segment.
 */
export function seedContacts(
  db: Database.Database,
  opts: { count: number; district: string; prefix: string; at: string },
): void {
  const officeId = db.prepare('SELECT id FROM offices LIMIT 1').pluck().get() as string;
  const contact = db.prepare(
    `INSERT INTO contacts (id, office_id, created_at, updated_at, hlc, full_name, first_name, last_name,
       name_key, email, email_key, district)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const consent = db.prepare(
    `INSERT INTO contact_consents (id, office_id, created_at, updated_at, hlc, contact_id, purpose,
       wording_version, given_at, withdrawn_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'v1', ?, ?)`,
  );
  const ms = Date.parse(opts.at);
  db.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const id = newId(ms);
      const first = `Имя${i}`;
      const last = `${opts.prefix}Фамилия${i}`;
      const email = i % 10 < 7 && i % 50 === 1 ? null : `${opts.prefix}${i}@example.ru`;
      const hlc = `${opts.at}-0000-node`;
      contact.run(
        id,
        officeId,
        opts.at,
        opts.at,
        hlc,
        `${last} ${first}`,
        first,
        last,
        `${last} ${first}`.toLowerCase(),
        email,
        email,
        opts.district,
      );
      const kind = i % 10;
      if (kind <= 8)
        consent.run(
          newId(ms),
          officeId,
          opts.at,
          opts.at,
          hlc,
          id,
          kind === 8 ? 'calls' : 'mailing',
          opts.at,
          kind === 7 ? opts.at : null,
        );
    }
  })();
}

/**
 * Who a mailing to the district must reach, by its own SQL: a live contact of the district with an
 * e-mail address and a mailing consent not withdrawn.
 */
export function expectedAddresses(db: Database.Database, district: string): string[] {
  return db
    .prepare(
      `SELECT email FROM contacts c WHERE district = ? AND email IS NOT NULL AND deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.contact_id = c.id AND k.purpose = 'mailing'
           AND k.withdrawn_at IS NULL AND k.deleted_at IS NULL)
       ORDER BY email`,
    )
    .pluck()
    .all(district) as string[];
}

/** The token of a mailing message, from its List-Unsubscribe header as received. */
export function unsubscribeTokenOf(raw: Buffer): string | null {
  const m = /^List-Unsubscribe:\s*<mailto:[^?]+\?subject=unsubscribe%20([0-9a-f]{32})>/im.exec(
    raw.toString('latin1'),
  );
  return m ? m[1]! : null;
}

/** A mailing to the segment of a district's contacts, created and started: its recipients chosen. */
export async function startedMailing(o: TestOffice, district: string) {
  const segment = await o.value('segments.save', { name: district, filter: { district } });
  const m = await o.value('mailings.create', {
    name: 'Встреча',
    segmentId: segment.id,
    subject: 'Встреча',
    body: 'Здравствуйте, {{имя}}!',
  });
  return o.value('mailings.start', { id: m.id });
}

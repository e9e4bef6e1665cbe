import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/** The live contacts of the base: not deleted, not erased, not a placeholder. */
const IN_BASE = 'deleted_at IS NULL AND erased_at IS NULL AND placeholder = 0';
const LIVE = 'WHEN (SELECT deferred FROM contact_facet_state) = 0';
const leave = `UPDATE contact_facet_counts SET n = n - 1
     WHERE sig = (SELECT sig FROM contact_facet_sig WHERE contact_id = OLD.id);`;
const join = `INSERT INTO contact_facet_counts (sig, n)
     SELECT sig, 1 FROM contact_facet_sig WHERE contact_id = NEW.id
     ON CONFLICT (sig) DO UPDATE SET n = n + 1;`;
/** A contact's own details, none of which a placeholder has (its social category aside). */
const EMPTY = (
  'full_name last_name first_name middle_name address email comment birth_date region district ' +
  'settlement street house flat source'
).split(' ');
/** The columns whose change moves a contact between combinations, the placeholder mark now among them. */
const COLUMNS = 'deleted_at, erased_at, district, region, settlement, source, social_category, placeholder';

/** Migration contacts-speed's view, with placeholders in the bucket nobody counts (`''`). */
function facetSigView(db: Database): string {
  const live = 'CASE WHEN c.deleted_at IS NULL AND c.erased_at IS NULL THEN';
  const view = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'contact_facet_sig'")
    .pluck()
    .get();
  if (typeof view !== 'string' || !view.includes(live))
    throw new Error('contact_facet_sig is not the view expected');
  return `DROP VIEW contact_facet_sig;\n${view.replace(live, 'CASE WHEN c.deleted_at IS NULL AND c.erased_at IS NULL AND c.placeholder = 0 THEN')};`;
}

/**
 * An appeal registered without an applicant (anonymous, or the details to come) still needs a contact
 * row: `appeals.applicant_id` is required, and the details that arrive later are written into it. Such a
 * row is a placeholder, not a person of the contact base: it is left out of the base's list, its counts,
 * segments, exports and duplicate search, and becomes an ordinary contact when a name, phone, e-mail or
 * address is written to it.
 *
 * The base's partial indexes and its facet combinations leave placeholders out, so a count still walks
 * one index (`contacts_live`) or sums the combinations, and agrees with the list.
 *
 * Existing contacts are marked when nothing but appeals knows them: no name, phone, e-mail, address or any
 * other detail of the base (the social category the desk records with an anonymous appeal aside), no
 * label, consent, note, event or merge, and the applicant of at least one appeal.
 */
export const m0023: Migration = {
  version: 23,
  name: 'placeholder-applicants',
  up: (db) => {
    db.exec(`
ALTER TABLE contacts ADD COLUMN placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1));

UPDATE contacts SET placeholder = 1
WHERE deleted_at IS NULL AND erased_at IS NULL AND ${EMPTY.map((c) => `coalesce(trim(${c}), '') = ''`).join(' AND ')}
  AND EXISTS (SELECT 1 FROM appeals a WHERE a.applicant_id = contacts.id)
  AND NOT EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = contacts.id)
  AND NOT EXISTS (SELECT 1 FROM contact_labels l WHERE l.contact_id = contacts.id)
  AND NOT EXISTS (SELECT 1 FROM contact_consents k WHERE k.contact_id = contacts.id)
  AND NOT EXISTS (SELECT 1 FROM contact_notes n WHERE n.contact_id = contacts.id)
  AND NOT EXISTS (SELECT 1 FROM event_participants e WHERE e.contact_id = contacts.id)
  AND NOT EXISTS (SELECT 1 FROM contact_merges m WHERE m.kept_id = contacts.id OR m.merged_id = contacts.id);

DROP INDEX contacts_live;
DROP INDEX contacts_district;
DROP INDEX contacts_source;
DROP INDEX contacts_social_category;
CREATE INDEX contacts_live ON contacts (id) WHERE ${IN_BASE};
CREATE INDEX contacts_district ON contacts (district, id) WHERE ${IN_BASE};
CREATE INDEX contacts_source ON contacts (source, id) WHERE ${IN_BASE};
CREATE INDEX contacts_social_category ON contacts (social_category, id) WHERE ${IN_BASE};

${facetSigView(db)}

DROP TRIGGER contacts_facets_bu;
DROP TRIGGER contacts_facets_au;
CREATE TRIGGER contacts_facets_bu BEFORE UPDATE OF ${COLUMNS} ON contacts ${LIVE} BEGIN ${leave} END;
CREATE TRIGGER contacts_facets_au AFTER UPDATE OF ${COLUMNS} ON contacts ${LIVE} BEGIN ${join} END;

DELETE FROM contact_facet_counts;
INSERT INTO contact_facet_counts (sig, n) SELECT sig, count(*) FROM contact_facet_sig GROUP BY sig;
`);
  },
};

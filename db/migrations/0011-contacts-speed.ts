import type { Migration } from './types';

/** What a change of one row of `table` may alter in its contact's facets, and which column names the contact. */
const CHILDREN = [
  { table: 'contact_labels', columns: 'contact_id, kind, value, deleted_at' },
  { table: 'contact_phones', columns: 'contact_id, deleted_at' },
  { table: 'contact_consents', columns: 'contact_id, purpose, withdrawn_at, deleted_at' },
] as const;
const CONTACT_COLUMNS = 'deleted_at, erased_at, district, region, settlement, source, social_category';

/** The contact `id` leaves the count of its combination (before a change) or joins it (after). */
const leave = (id: string, when = ''): string =>
  `UPDATE contact_facet_counts SET n = n - 1
     WHERE sig = (SELECT sig FROM contact_facet_sig WHERE contact_id = ${id})${when ? ` AND ${when}` : ''};`;
const join = (id: string, when = ''): string =>
  `INSERT INTO contact_facet_counts (sig, n)
     SELECT sig, 1 FROM contact_facet_sig WHERE contact_id = ${id}${when ? ` AND ${when}` : ''}
     ON CONFLICT (sig) DO UPDATE SET n = n + 1;`;
/** Unless a bulk write (an import batch) has taken the counting over for its transaction. */
const LIVE = 'WHEN (SELECT deferred FROM contact_facet_state) = 0';

function childTriggers(table: string, columns: string): string {
  const moved = 'NEW.contact_id IS NOT OLD.contact_id';
  return `
CREATE TRIGGER ${table}_facets_bi BEFORE INSERT ON ${table} ${LIVE} BEGIN ${leave('NEW.contact_id')} END;
CREATE TRIGGER ${table}_facets_ai AFTER INSERT ON ${table} ${LIVE} BEGIN ${join('NEW.contact_id')} END;
CREATE TRIGGER ${table}_facets_bu BEFORE UPDATE OF ${columns} ON ${table} ${LIVE} BEGIN
  ${leave('OLD.contact_id')} ${leave('NEW.contact_id', moved)} END;
CREATE TRIGGER ${table}_facets_au AFTER UPDATE OF ${columns} ON ${table} ${LIVE} BEGIN
  ${join('OLD.contact_id', moved)} ${join('NEW.contact_id')} END;
CREATE TRIGGER ${table}_facets_bd BEFORE DELETE ON ${table} ${LIVE} BEGIN ${leave('OLD.contact_id')} END;
CREATE TRIGGER ${table}_facets_ad AFTER DELETE ON ${table} ${LIVE} BEGIN ${join('OLD.contact_id')} END;`;
}

/**
 * The contact base at an HQ's size.
 *
 * Segment counts: over two million contacts, even an index-only count reads some 90 MB of pages, far from
 * a live count's 200 ms. But contacts fall into few distinct combinations of the fields a segment filters
 * on (district, region, settlement, source, social category, statuses, tags, consents given, has a phone):
 * `contact_facet_counts` keeps how many live contacts have each combination, and a count sums the
 * combinations a filter accepts. Triggers keep it in the writing transaction, whatever writes (the
 * services, an import, sync): before a change the contact leaves its combination, after it joins the new
 * one. An import batch counts its contacts itself instead (`contact_facet_state`), once per contact. It
 * is derived data, local to each database, so it carries no sync columns and no change log.
 *
 * Import matching: on name and address together. Indexed on the address alone, a common address (a block
 * of flats) made each match read every contact living there, so the pair is indexed (address first, which
 * still serves a lookup by address alone).
 */
export const m0011: Migration = {
  version: 11,
  name: 'contacts-speed',
  up: (db) => {
    db.exec(`
DROP INDEX contacts_address_key;
CREATE INDEX contacts_address_name ON contacts (address_key, name_key) WHERE address_key IS NOT NULL;

-- A live contact's facets as one JSON array; '' for a deleted or erased one (a bucket nobody counts).
CREATE VIEW contact_facet_sig AS
SELECT c.id AS contact_id,
  CASE WHEN c.deleted_at IS NULL AND c.erased_at IS NULL THEN json_array(
    c.district, c.region, c.settlement, c.source, c.social_category,
    json((SELECT json_group_array(DISTINCT l.kind || ':' || l.value ORDER BY l.kind || ':' || l.value)
      FROM contact_labels l WHERE l.contact_id = c.id AND l.deleted_at IS NULL)),
    json((SELECT json_group_array(DISTINCT k.purpose ORDER BY k.purpose)
      FROM contact_consents k WHERE k.contact_id = c.id AND k.withdrawn_at IS NULL AND k.deleted_at IS NULL)),
    EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.deleted_at IS NULL)
  ) ELSE '' END AS sig
FROM contacts c;

CREATE TABLE contact_facet_counts (
  sig TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) STRICT;
INSERT INTO contact_facet_counts (sig, n) SELECT sig, count(*) FROM contact_facet_sig GROUP BY sig;

-- 1 while a bulk write counts its contacts itself: once per contact at the end of its transaction,
-- instead of the triggers' once per row written (a contact, each phone, each label). Set and cleared
-- inside that transaction, so a rollback clears it too.
CREATE TABLE contact_facet_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  deferred INTEGER NOT NULL CHECK (deferred IN (0, 1))
) STRICT;
INSERT INTO contact_facet_state (id, deferred) VALUES (1, 0);

CREATE TRIGGER contacts_facets_ai AFTER INSERT ON contacts ${LIVE} BEGIN ${join('NEW.id')} END;
CREATE TRIGGER contacts_facets_bu BEFORE UPDATE OF ${CONTACT_COLUMNS} ON contacts ${LIVE} BEGIN ${leave('OLD.id')} END;
CREATE TRIGGER contacts_facets_au AFTER UPDATE OF ${CONTACT_COLUMNS} ON contacts ${LIVE} BEGIN ${join('NEW.id')} END;
CREATE TRIGGER contacts_facets_bd BEFORE DELETE ON contacts ${LIVE} BEGIN ${leave('OLD.id')} END;
${CHILDREN.map((c) => childTriggers(c.table, c.columns)).join('\n')}
`);
  },
};

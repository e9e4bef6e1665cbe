import type { Migration } from './types';

/**
 * The contacts outside the base (deleted, erased, placeholders of appeals), by id: a segment count on the
 * office's own fields asks of each contact its conditions select whether it is one of these — a lookup in
 * this small index — instead of reading the contact's row among two million. Only these rows are kept in
 * it, so writing a contact of the base costs nothing more.
 */
export const m0040: Migration = {
  version: 40,
  name: 'contacts-out-of-base',
  up: (db) => {
    db.exec(`CREATE INDEX contacts_out_of_base ON contacts (id)
  WHERE deleted_at IS NOT NULL OR erased_at IS NOT NULL OR placeholder <> 0;`);
  },
};

import type { Migration } from './types';

/**
 * The Журнал доступа reads the audit log newest first, by (at, seq), filtered by who acted, what an entry
 * is about (a contact, an appeal), the action and a period. Each filter gets an index in that order (the
 * rowid, `seq`, ends every index), so a page is a walk of the next entries, never a sort of the whole log:
 * the period and the unfiltered log by `at`; a person by (user_id, at); a contact's or appeal's entries
 * by (entity, entity_id, at), which replaces the (entity, entity_id) index of the first migration and
 * serves its lookups (an erasure's redaction) as well; an action by (action, at).
 */
export const m0017: Migration = {
  version: 17,
  name: 'audit-pages',
  up: (db) => {
    db.exec(`
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user_at ON audit_log (user_id, at);
CREATE INDEX audit_log_entity_at ON audit_log (entity, entity_id, at);
DROP INDEX audit_log_entity;
CREATE INDEX audit_log_action_at ON audit_log (action, at);
`);
  },
};

import type { Migration } from './types';

/**
 * A counter that moves whenever anything routing decides by changes: a rule (written here, by sync or
 * by another process on the same file) or a user a rule names (renamed, deactivated, arrived by sync).
 * Registration keeps the office's compiled rules between calls and reads only this counter to know
 * they still hold; triggers keep it, so no writer can forget to.
 */
export const m0034: Migration = {
  version: 34,
  name: 'routing-generation',
  up: (db) => {
    db.exec(`
CREATE TABLE routing_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
) STRICT;
INSERT INTO routing_generation (id, n) VALUES (1, 0);
CREATE TRIGGER routing_rules_generation_insert AFTER INSERT ON routing_rules
BEGIN UPDATE routing_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER routing_rules_generation_update AFTER UPDATE ON routing_rules
BEGIN UPDATE routing_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER routing_rules_generation_delete AFTER DELETE ON routing_rules
BEGIN UPDATE routing_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_routing_generation_insert AFTER INSERT ON users
BEGIN UPDATE routing_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_routing_generation_update AFTER UPDATE OF full_name, active, deleted_at ON users
BEGIN UPDATE routing_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_routing_generation_delete AFTER DELETE ON users
BEGIN UPDATE routing_generation SET n = n + 1 WHERE id = 1; END;
`);
  },
};

import type { Migration } from './types';

/**
 * 59-FZ Art. 13 p.2: at a personal reception, when the facts are evident, the answer may be given orally
 * with the applicant's agreement and recorded on the card. The answer itself is the reply's text, form
 * and date; the agreement is kept beside it, so the card shows that an oral answer was agreed to.
 */
export const m0022: Migration = {
  version: 22,
  name: 'oral-appeal',
  up: (db) => {
    db.exec(`ALTER TABLE appeals ADD COLUMN oral_consent INTEGER;`);
  },
};

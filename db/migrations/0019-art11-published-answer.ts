import type { Migration } from './types';

/**
 * 59-FZ Art. 11 part 5.1: when the answer to the question was already published on the official site,
 * the applicant is told within 7 days the address of the page. The address is entered with the ground
 * and kept on the appeal, so the notice prints it and the card shows it afterwards.
 */
export const m0019: Migration = {
  version: 19,
  name: 'art11-published-answer',
  up: (db) => {
    db.exec(`ALTER TABLE appeals ADD COLUMN art11_published_url TEXT;`);
  },
};

import type { TestOffice } from './office-fixture';

/** 10:30 in Moscow on a day: after the working day's start and the digest's time. */
export const at = (day: string): string => `${day}T07:30:00Z`;

/** The deputy, the office head and two assistants of a test office, each signed in. */
export async function people(o: TestOffice) {
  return {
    deputy: await o.addUser('deputy', 'deputy'),
    head: await o.addUser('head', 'office_head'),
    anna: await o.addUser('anna', 'assistant'),
    boris: await o.addUser('boris', 'assistant'),
  };
}

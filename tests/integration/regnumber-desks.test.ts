import { afterEach, describe, expect, it } from 'vitest';
import { appealInput, setUpOffice, type TestOffice } from './helpers';
import { deskSuite } from './regnumber-desks';

deskSuite('sqlite');

describe('desk 1 without a sync', () => {
  let office: TestOffice | null = null;
  afterEach(() => office?.close());

  it('is the computer the office was set up on, and an office from before desks gets its row on first use', async () => {
    office = await setUpOffice();
    const desks = () => office!.handle.sqlite.prepare('SELECT number FROM office_desks').all();
    expect(desks()).toEqual([{ number: 1 }]);
    // As after the migration: the computer is desk 1 (its audit log says it set the office up), no row yet.
    office.handle.sqlite.prepare('DELETE FROM office_desks').run();
    const code = (await office.value('office.get', {})).code;
    const first = await office.value('appeals.register', appealInput());
    expect(first.regNumber).toBe(`${code}-${first.registeredOn.slice(0, 4)}-00001`);
    expect(desks()).toEqual([{ number: 1 }]);
    const logged = office.handle.sqlite
      .prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'office_desks'")
      .get();
    expect(logged).toEqual({ n: 2 });
  });
});

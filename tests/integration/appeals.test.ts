import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { dumpTables } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

type Reg = Input<'appeals.register'>;

const base = (over: Partial<Reg> = {}): Reg => ({
  registeredOn: '2026-02-13',
  channel: 'post',
  kind: 'complaint',
  summary: 'Протекает крыша над квартирой',
  text: 'Крыша протекает третий месяц, управляющая компания не отвечает.',
  applicant: {
    lastName: 'Ёлкина',
    firstName: 'Майя',
    middleName: 'Йовановна',
    phone: '8 (999) 123-45-67',
    address: 'г. Тверь, ул. Советская, д. 5, кв. 12',
  },
  ...over,
});

async function register(o: TestOffice, over: Partial<Reg> = {}) {
  return o.call('appeals.register', base(over));
}

describe('appeal registration', () => {
  it('numbers appeals per office and year with the office code, and sets the 59-FZ term', async () => {
    const o = await testOffice();
    const a = await register(o);
    const b = await register(o, {
      applicant: { lastName: 'Смирнов', firstName: 'Олег', address: 'г. Тверь, ул. Трёхсвятская, д. 1' },
    });
    const c = await register(o, {
      registeredOn: '2025-12-30',
      applicant: { lastName: 'Орлов', firstName: 'Иван', address: 'г. Тверь' },
    });
    expect([a.regNumber, b.regNumber, c.regNumber]).toEqual([
      'ПТР-2026-00001',
      'ПТР-2026-00002',
      'ПТР-2025-00001',
    ]);
    // 2026-02-13 + 30 days = Sunday 2026-03-15; the control date moves back to Friday 2026-03-13.
    expect(a.termDate).toBe('2026-03-15');
    expect(a.dueDate).toBe('2026-03-13');
    expect(a.status).toBe('registered');
    expect(a.art11Warnings).toEqual([]);
  });

  it('follows the office settings: number format and the shift to the next working day', async () => {
    const o = await testOffice();
    await o.call('office.update', { regNumberFormat: 'ГГ/КОД-NNN', deadlineShift: 'next' });
    const a = await register(o);
    expect(a.regNumber).toBe('26/ПТР-001');
    expect(a.dueDate).toBe('2026-03-16');
  });

  it('writes the appeal, its history, a task, the change log and the audit log together', async () => {
    const o = await testOffice();
    const a = await register(o);
    const db = o.handle.sqlite;
    const count = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;
    expect(
      count("SELECT count(*) n FROM appeal_history WHERE appeal_id = ? AND action = 'registered'", a.id),
    ).toBe(1);
    expect(count("SELECT count(*) n FROM tasks WHERE appeal_id = ? AND status = 'open'", a.id)).toBe(1);
    expect(count("SELECT count(*) n FROM change_log WHERE table_name = 'appeals' AND row_id = ?", a.id)).toBe(
      1,
    );
    expect(
      count("SELECT count(*) n FROM audit_log WHERE action = 'appeals.register' AND entity_id = ?", a.id),
    ).toBe(1);
    const card = await o.call('appeals.get', { id: a.id });
    expect(card.tasks).toHaveLength(1);
    expect(card.tasks[0]).toMatchObject({
      status: 'open',
      // The review stage's limit: 2 working days from Friday 13 February 2026 → Tuesday 17 February.
      dueDate: '2026-02-17',
      assigneeName: 'Администратор Иванова',
    });
    expect(card.history.map((h) => h.action)).toEqual(['registered']);
    expect(
      count("SELECT count(*) n FROM audit_log WHERE action = 'appeals.get' AND entity_id = ?", a.id),
    ).toBe(1);
  });

  it('warns about Art. 11 part 1 but saves the appeal', async () => {
    const o = await testOffice();
    const a = await register(o, { channel: 'email', applicant: { firstName: 'Аноним' }, isAnonymous: true });
    expect(a.art11Warnings).toEqual(['no_surname', 'no_reply_address']);
    expect(a.regNumber).toMatch(/^ПТР-2026-/);
  });

  it('refuses a bad input naming the field and changes nothing', async () => {
    const o = await testOffice();
    const before = o.handle.sqlite.prepare('SELECT count(*) n FROM change_log').get();
    const e1 = await o.fail('appeals.register', { ...base(), channel: 'pigeon' });
    expect(e1).toMatchObject({ code: 'validation', field: 'channel' });
    const e2 = await o.fail('appeals.register', { ...base(), summary: '  ' });
    expect(e2).toMatchObject({ code: 'validation', field: 'summary' });
    const e3 = await o.fail('appeals.register', { ...base(), receivedOn: '2026-02-14' });
    expect(e3).toMatchObject({ code: 'validation', field: 'receivedOn' });
    const e4 = await o.fail('appeals.register', {
      ...base(),
      applicant: { lastName: 'Х', phone: 'звонить вечером' },
    });
    expect(e4).toMatchObject({ code: 'validation', field: 'applicant.phone' });
    expect(o.handle.sqlite.prepare('SELECT count(*) n FROM change_log').get()).toEqual(before);
  });

  it('checks roles in the service layer', async () => {
    const o = await testOffice();
    const analyst = await o.addUser('analyst', 'hq_analyst');
    expect(await o.fail('appeals.register', base(), analyst.token)).toMatchObject({ code: 'forbidden' });
    expect(await o.fail('appeals.list', {}, 'not-a-session')).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('the applicant among contacts', () => {
  it('offers the existing contact for the same phone written another way, e-mail, or name + address', async () => {
    const o = await testOffice();
    const first = await register(o, { applicant: { ...base().applicant, email: 'Maya@Example.ru' } });
    const byPhone = await o.call('contacts.lookup', { phone: '+7 999 123 4567' });
    expect(byPhone.map((c) => [c.id, c.matchedBy, c.appealsCount])).toEqual([
      [first.applicant.id, 'phone', 1],
    ]);
    const byEmail = await o.call('contacts.lookup', { email: 'maya@example.RU' });
    expect(byEmail[0]).toMatchObject({ id: first.applicant.id, matchedBy: 'email' });
    const bySurname = await o.call('contacts.lookup', { lastName: 'елк' });
    expect(bySurname[0]).toMatchObject({ id: first.applicant.id, matchedBy: 'name' });
    const byNameAddress = await o.call('contacts.lookup', {
      lastName: 'Елкина',
      firstName: 'МАЙЯ',
      middleName: 'Иовановна',
      address: 'г Тверь, ул Советская, д 5, кв 12',
    });
    expect(byNameAddress[0]).toMatchObject({ id: first.applicant.id, matchedBy: 'name_address' });
  });

  it('does not create a second contact silently; the assistant picks one or confirms a new one', async () => {
    const o = await testOffice();
    const first = await register(o);
    const e = await o.fail(
      'appeals.register',
      base({ applicant: { lastName: 'Другая', phone: '+79991234567' } }),
    );
    expect(e.code).toBe('applicant_match');
    expect((e.details as { candidates: { id: string }[] }).candidates.map((c) => c.id)).toEqual([
      first.applicant.id,
    ]);
    const same = await register(o, {
      applicant: { contactId: first.applicant.id, email: 'new@mail.ru', phone: '+7 912 000-00-01' },
    });
    expect(same.applicant.id).toBe(first.applicant.id);
    expect(same.applicant.email).toBe('new@mail.ru');
    expect(same.applicant.phones).toEqual(['+79991234567', '+79120000001']);
    const other = await register(o, {
      applicant: { lastName: 'Другая', phone: '+79991234567', forceNew: true },
    });
    expect(other.applicant.id).not.toBe(first.applicant.id);
  });
});

describe('editing the card', () => {
  it('records what changed, moves the open task with the responsible person, and refuses stale versions', async () => {
    const o = await testOffice();
    const deputy = await o.addUser('deputy', 'deputy');
    const helper = await o.addUser('helper', 'assistant');
    const a = await register(o);
    o.clock.advance(60_000);
    const b = await o.call('appeals.update', {
      id: a.id,
      version: a.version,
      patch: { summary: 'Протечка кровли', responsibleId: helper.id, kind: 'migration_report' },
    });
    expect(b.summary).toBe('Протечка кровли');
    expect(b.tasks[0]).toMatchObject({ assigneeId: helper.id, status: 'open' });
    // A migration report runs on 20 days: 2026-03-05 is a Thursday.
    expect(b.dueDate).toBe('2026-03-05');
    const updated = b.history.find((h) => h.action === 'updated')!;
    expect(updated.changes).toMatchObject({
      summary: { from: 'Протекает крыша над квартирой', to: 'Протечка кровли' },
      kind: { from: 'complaint', to: 'migration_report' },
      dueDate: { from: '2026-03-13', to: '2026-03-05' },
    });
    const stale = await o.fail(
      'appeals.update',
      { id: a.id, version: a.version, patch: { summary: 'x' } },
      deputy.token,
    );
    expect(stale).toMatchObject({ code: 'conflict', field: 'version' });
    const found = await o.call('appeals.list', { filter: { q: 'КРОВЛИ' } });
    expect(found.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await o.call('appeals.list', { filter: { q: 'квартирой' } })).rows).toEqual([]);
  });
});

describe('a partial edit', () => {
  it('changes only the fields it names', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', {
      ...base(),
      topics: ['0005.0005.0056.1149'],
      onControl: true,
      sheets: 4,
      isCollective: true,
      signatories: 12,
    });
    const b = await o.call('appeals.update', { id: a.id, version: a.version, patch: { caseFile: '05-12' } });
    expect(b).toMatchObject({
      caseFile: '05-12',
      topics: ['0005.0005.0056.1149'],
      onControl: true,
      sheets: 4,
      signatories: 12,
    });
    expect(Object.keys(b.history.at(-1)!.changes)).toEqual(['caseFile']);
  });
});

describe('registering a batch', () => {
  const applicant = (i: number): Reg['applicant'] => ({
    forceNew: true,
    lastName: ['Петров', 'Сидоров', 'Кузнецов'][i - 1] ?? `Петров${i}`,
    firstName: 'Пётр',
    phone: `+7 999 000 00 ${String(i).padStart(2, '0')}`,
  });

  it('gives each appeal what a single registration gives it, numbered in order, in one transaction', async () => {
    const o = await testOffice();
    const first = await register(o);
    const { registered } = await o.call('appeals.registerBatch', {
      appeals: [1, 2, 3].map((i) => base({ applicant: applicant(i), summary: `Обращение ${i}` })),
    });
    expect(registered.map((r) => r.regNumber)).toEqual([
      'ПТР-2026-00002',
      'ПТР-2026-00003',
      'ПТР-2026-00004',
    ]);
    const db = o.handle.sqlite;
    const perAppeal = (sql: string) => registered.map((r) => (db.prepare(sql).get(r.id) as { n: number }).n);
    expect(perAppeal("SELECT count(*) n FROM tasks WHERE appeal_id = ? AND status = 'open'")).toEqual([
      1, 1, 1,
    ]);
    expect(
      perAppeal("SELECT count(*) n FROM appeal_history WHERE appeal_id = ? AND action = 'registered'"),
    ).toEqual([1, 1, 1]);
    expect(
      perAppeal("SELECT count(*) n FROM change_log WHERE table_name = 'appeals' AND row_id = ?"),
    ).toEqual([1, 1, 1]);
    expect(
      perAppeal("SELECT count(*) n FROM audit_log WHERE action = 'appeals.register' AND entity_id = ?"),
    ).toEqual([1, 1, 1]);
    const card = await o.call('appeals.get', { id: registered[2]!.id });
    expect(card).toMatchObject({
      summary: 'Обращение 3',
      dueDate: first.dueDate,
      applicantName: 'Кузнецов Пётр',
    });
    expect(card.applicant.phones).toEqual(['+79990000003']);
    const found = await o.call('appeals.list', { filter: { q: 'сидоров' } });
    expect(found.rows.map((r) => r.id)).toEqual([registered[1]!.id]);
  });

  it('refuses the whole batch when one item is refused, naming the item, and changes nothing', async () => {
    const o = await testOffice();
    await register(o);
    const before = dumpTables(o.handle.sqlite);
    const e1 = await o.fail('appeals.registerBatch', {
      appeals: [
        base({ applicant: applicant(1) }),
        base({ applicant: applicant(2), receivedOn: '2026-02-14' }),
      ],
    });
    expect(e1).toMatchObject({ code: 'validation', field: 'appeals.1.receivedOn' });
    const e2 = await o.fail('appeals.registerBatch', {
      appeals: [base({ applicant: applicant(1) }), { ...base(), channel: 'pigeon' }],
    });
    expect(e2).toMatchObject({ code: 'validation', field: 'appeals.1.channel' });
    expect(await o.fail('appeals.registerBatch', { appeals: [] })).toMatchObject({ field: 'appeals' });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
  });

  it('numbers each year of a batch on from that year, gives each kind its term, and spends no number on a refused batch', async () => {
    const o = await testOffice();
    await register(o, { registeredOn: '2025-12-30', applicant: applicant(1) });
    const { registered } = await o.call('appeals.registerBatch', {
      appeals: [
        base({ applicant: applicant(2) }),
        base({ registeredOn: '2025-12-30', applicant: applicant(3) }),
        base({ applicant: applicant(4), kind: 'migration_report' }),
        base({ registeredOn: '2025-12-30', applicant: applicant(5) }),
      ],
    });
    expect(registered.map((r) => r.regNumber)).toEqual([
      'ПТР-2026-00001',
      'ПТР-2025-00002',
      'ПТР-2026-00002',
      'ПТР-2025-00003',
    ]);
    const plain = await o.call('appeals.get', { id: registered[0]!.id });
    const migration = await o.call('appeals.get', { id: registered[2]!.id });
    // The same day, two kinds: 30 days (a Sunday, moved back to Friday) and 20 days for a migration report.
    expect([plain.termDate, plain.dueDate]).toEqual(['2026-03-15', '2026-03-13']);
    expect([migration.termDate, migration.dueDate]).toEqual(['2026-03-05', '2026-03-05']);
    await o.fail('appeals.registerBatch', {
      appeals: [
        base({ applicant: applicant(6) }),
        base({ applicant: applicant(7), receivedOn: '2026-02-14' }),
      ],
    });
    expect((await register(o, { applicant: applicant(8) })).regNumber).toBe('ПТР-2026-00003');
  });

  it('is refused to a role that may not register', async () => {
    const o = await testOffice();
    const analyst = await o.addUser('analyst', 'hq_analyst');
    const e = await o.fail('appeals.registerBatch', { appeals: [base()] }, analyst.token);
    expect(e).toMatchObject({ code: 'forbidden' });
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fillCounts } from '../../db/migrations/0010-statistics';
import { fillQuestionCounts } from '../../db/migrations/0025-question-counts';
import type { Input } from '../../shared/api/index';
import { appealInput, dumpTables } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

type Rule = Input<'routing.create'>;

const WATER = '0005.0005.0056.1149';
const EMERGENCY = '0005.0005.0056.1148';
const CONSTITUTION = '0001.0001.0001.0001';

/** Who the database says is responsible for an appeal, and the state it is in. */
function stored(o: TestOffice, id: string): { responsible_id: string; status: string } {
  return o.handle.sqlite.prepare('SELECT responsible_id, status FROM appeals WHERE id = ?').get(id) as {
    responsible_id: string;
    status: string;
  };
}

async function people(o: TestOffice) {
  const a = await o.addUser('anna', 'assistant');
  const b = await o.addUser('boris', 'assistant');
  const c = await o.addUser('vera', 'office_head');
  const deputy = await o.addUser('deputy', 'deputy');
  const me = o.handle.sqlite.prepare("SELECT id FROM users WHERE login = 'admin'").get() as { id: string };
  return { a, b, c, deputy, admin: me.id };
}

async function rule(o: TestOffice, r: Rule) {
  const rules = await o.call('routing.create', r);
  return rules.find((x) => x.name === r.name)!;
}

/** The statistics' kept counts (non-zero) and the same counted afresh from the rows. */
function counts(o: TestOffice): { kept: unknown[]; recomputed: unknown[] } {
  const db = o.handle.sqlite;
  const read = () =>
    db
      .prepare('SELECT measure, day, office_id, key, n FROM appeal_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4')
      .all();
  const kept = read();
  db.exec('SAVEPOINT recount; DELETE FROM appeal_counts');
  fillCounts(db);
  fillQuestionCounts(db);
  const recomputed = read();
  db.exec('ROLLBACK TO recount; RELEASE recount');
  return { kept, recomputed };
}

describe('routing rules', () => {
  it('the first matching rule of overlapping ones sets the responsible; moving a rule changes which', async () => {
    const o = await testOffice();
    const u = await people(o);
    const first = await rule(o, {
      name: 'ЖКХ по почте',
      when: { topic: '0005', channel: 'email' },
      responsibleId: u.a.id,
    });
    const second = await rule(o, { name: 'ЖКХ', when: { topic: '0005.0005.0056' }, responsibleId: u.b.id });
    await rule(o, { name: 'Жалобы', when: { kind: 'complaint' }, responsibleId: u.c.id });
    expect((await o.call('routing.list', {})).map((r) => [r.name, r.position])).toEqual([
      ['ЖКХ по почте', 0],
      ['ЖКХ', 1],
      ['Жалобы', 2],
    ]);

    const cases = [
      { over: { channel: 'email' as const, topics: [WATER] }, want: u.a.id },
      { over: { channel: 'post' as const, topics: [CONSTITUTION, EMERGENCY] }, want: u.b.id },
      {
        over: { channel: 'email' as const, topics: [CONSTITUTION], kind: 'complaint' as const },
        want: u.c.id,
      },
      {
        over: { channel: 'post' as const, topics: [CONSTITUTION], kind: 'proposal' as const },
        want: u.admin,
      },
    ];
    for (const { over, want } of cases) {
      const input = appealInput(over);
      const preview = await o.call('routing.preview', {
        topics: input.topics,
        channel: input.channel,
        kind: input.kind,
        applicant: { address: input.applicant.address },
      });
      const card = await o.call('appeals.register', input);
      expect(stored(o, card.id).responsible_id).toBe(want);
      expect(card.responsibleId).toBe(want);
      expect(preview.responsibleId ?? u.admin).toBe(want);
    }

    await o.call('routing.move', { id: second.id, position: 0 });
    expect((await o.call('routing.list', {})).map((r) => r.id).slice(0, 2)).toEqual([second.id, first.id]);
    const card = await o.call('appeals.register', appealInput({ channel: 'email', topics: [WATER] }));
    expect(stored(o, card.id).responsible_id).toBe(u.b.id);
    expect(card.history[0]?.comment).toBe('По правилу распределения «ЖКХ»');
  });

  it('a batch (an import) applies the rules to each appeal and sends to the deputy where a rule says so', async () => {
    const o = await testOffice();
    const u = await people(o);
    await rule(o, { name: 'ЖКХ депутату', when: { topic: WATER }, responsibleId: u.a.id, toDeputy: true });
    await rule(o, { name: 'Заволжский', when: { district: 'Заволжский' }, responsibleId: u.b.id });
    const inputs = [
      appealInput({ topics: [WATER] }),
      appealInput({
        topics: [CONSTITUTION],
        applicant: { lastName: 'Щукин', address: 'г. Тверь, Заволжский р-н, ул. Н, д. 1' },
      }),
      // A street named alike is not the district: names match as whole words.
      appealInput({
        topics: [CONSTITUTION],
        applicant: { lastName: 'Юдин', address: 'г. Тверь, ул. Заволжская, д. 2' },
      }),
    ];
    const { registered } = await o.call('appeals.registerBatch', { appeals: inputs });
    const rows = registered.map((r) => stored(o, r.id));
    expect(rows).toEqual([
      { responsible_id: u.a.id, status: 'awaiting_resolution' },
      { responsible_id: u.b.id, status: 'registered' },
      { responsible_id: u.admin, status: 'registered' },
    ]);
    // The workflow's own step: the review task done, the deputy's resolution task open.
    const tasks = o.handle.sqlite
      .prepare('SELECT kind, status, assignee_id FROM tasks WHERE appeal_id = ? ORDER BY created_at, kind')
      .all(registered[0]!.id);
    expect(tasks).toEqual([
      { kind: 'resolution', status: 'open', assignee_id: u.deputy.id },
      { kind: 'review', status: 'done', assignee_id: u.a.id },
    ]);
    const card = await o.call('appeals.get', { id: registered[0]!.id });
    expect(card.history.map((h) => h.action)).toEqual(expect.arrayContaining(['registered', 'sendToDeputy']));
    // The step taken inside the batch leaves the statistics as counting row by row would.
    const c = counts(o);
    expect(c.kept).toEqual(c.recomputed);
  });

  it('a responsible chosen in the form overrides the rule’s', async () => {
    const o = await testOffice();
    const u = await people(o);
    await rule(o, { name: 'ЖКХ', when: { topic: '0005' }, responsibleId: u.a.id });
    const card = await o.call('appeals.register', appealInput({ topics: [WATER], responsibleId: u.c.id }));
    expect(stored(o, card.id).responsible_id).toBe(u.c.id);
  });

  it('a rule naming a deactivated user is flagged and passed over to the next matching rule', async () => {
    const o = await testOffice();
    const u = await people(o);
    const gone = await rule(o, { name: 'Анна', when: { channel: 'post' }, responsibleId: u.a.id });
    await rule(o, { name: 'Борис', when: { kind: 'complaint' }, responsibleId: u.b.id });
    await o.call('users.update', { id: u.a.id, active: false });
    const listed = await o.call('routing.list', {});
    expect(listed.map((r) => [r.name, r.inactiveResponsible])).toEqual([
      ['Анна', true],
      ['Борис', false],
    ]);
    const input = appealInput({ channel: 'post', kind: 'complaint' });
    const preview = await o.call('routing.preview', { channel: 'post', kind: 'complaint', topics: [] });
    expect(preview.skipped).toEqual([{ id: gone.id, name: 'Анна' }]);
    expect(preview.rule?.name).toBe('Борис');
    const card = await o.call('appeals.register', input);
    expect(stored(o, card.id).responsible_id).toBe(u.b.id);
  });

  it('rules kept between registrations follow every change: the API, a deactivated user, another process', async () => {
    const o = await testOffice();
    const u = await people(o);
    const water = await rule(o, { name: 'Вода', when: { topic: '0005' }, responsibleId: u.a.id });
    const who = async () =>
      stored(o, (await o.call('appeals.register', appealInput({ topics: [WATER] }))).id);
    expect((await who()).responsible_id).toBe(u.a.id);
    // Through the API.
    const listed = (await o.call('routing.list', {}))[0]!;
    await o.call('routing.update', {
      id: water.id,
      version: listed.version,
      name: listed.name,
      when: { topic: '0005' },
      responsibleId: u.b.id,
    });
    expect((await who()).responsible_id).toBe(u.b.id);
    // The rule's user leaves: the rule is passed over.
    await o.call('users.update', { id: u.b.id, active: false });
    expect((await who()).responsible_id).toBe(u.admin);
    // Another process on the same file (the command line beside the app) changes the rule and the user.
    const other = new Database(o.file);
    try {
      other.prepare('UPDATE users SET active = 1 WHERE id = ?').run(u.b.id);
      expect((await who()).responsible_id).toBe(u.b.id);
      other.prepare('UPDATE routing_rules SET responsible_id = ? WHERE id = ?').run(u.c.id, water.id);
      expect((await who()).responsible_id).toBe(u.c.id);
      other.prepare('DELETE FROM routing_rules WHERE id = ?').run(water.id);
      expect((await who()).responsible_id).toBe(u.admin);
    } finally {
      other.close();
    }
  });

  it('bad rules are refused naming the field, and nothing changes', async () => {
    const o = await testOffice();
    const u = await people(o);
    const ok = await rule(o, { name: 'ЖКХ', when: { topic: '0005' }, responsibleId: u.a.id });
    const before = dumpTables(o.handle.sqlite);
    const bad: [unknown, string][] = [
      [{ name: 'Нет кода', when: { topic: '0005.9999' }, responsibleId: u.a.id }, 'when.topic'],
      [{ name: 'Не код', when: { topic: 'ЖКХ' }, responsibleId: u.a.id }, 'when.topic'],
      [
        {
          name: 'Нет человека',
          when: { channel: 'post' },
          responsibleId: '0190a000-0000-7000-8000-000000000000',
        },
        'responsibleId',
      ],
      [{ name: 'Пустое', when: {}, responsibleId: u.a.id }, 'when'],
      [{ name: 'Пустое', when: { district: '  ' }, responsibleId: u.a.id }, 'when'],
      [{ name: 'Ничего не делает', when: { channel: 'post' } }, 'responsibleId'],
      [{ name: ' ', when: { channel: 'post' }, responsibleId: u.a.id }, 'name'],
      [{ name: 'Канал', when: { channel: 'pigeon' }, responsibleId: u.a.id }, 'when.channel'],
    ];
    for (const [input, field] of bad) expect((await o.fail('routing.create', input)).field).toBe(field);
    await o.call('users.update', { id: u.b.id, active: false });
    const afterDeactivation = dumpTables(o.handle.sqlite);
    expect(
      (
        await o.fail('routing.update', {
          id: ok.id,
          version: ok.version,
          name: 'ЖКХ',
          when: { topic: '0005' },
          responsibleId: u.b.id,
        })
      ).field,
    ).toBe('responsibleId');
    expect(
      (
        await o.fail('routing.update', {
          id: ok.id,
          version: 'old',
          name: 'ЖКХ',
          when: { topic: '0005' },
          responsibleId: u.a.id,
        })
      ).field,
    ).toBe('version');
    expect(
      (await o.fail('routing.move', { id: '0190a000-0000-7000-8000-000000000000', position: 0 })).field,
    ).toBe('id');
    expect(
      (
        await o.fail(
          'routing.create',
          { name: 'x', when: { channel: 'post' }, responsibleId: u.a.id },
          u.a.token,
        )
      ).code,
    ).toBe('forbidden');
    expect(dumpTables(o.handle.sqlite)).toBe(afterDeactivation);
    expect(before).not.toBe(afterDeactivation);
  });

  it('edits and deletes keep the order whole', async () => {
    const o = await testOffice();
    const u = await people(o);
    const r1 = await rule(o, { name: '1', when: { channel: 'post' }, responsibleId: u.a.id });
    await rule(o, { name: '2', when: { channel: 'email' }, responsibleId: u.b.id });
    const shifted = await o.call('routing.create', {
      name: '0',
      when: { channel: 'web' },
      toDeputy: true,
      position: 0,
    });
    // Moving a rule is a change of its row: an editor holding the old version reloads it.
    const moved = shifted.find((r) => r.id === r1.id)!;
    expect(moved.version).not.toBe(r1.version);
    let rules = await o.call('routing.update', {
      id: r1.id,
      version: moved.version,
      name: '1а',
      when: { channel: 'hand' },
      responsibleId: u.c.id,
    });
    expect(rules.map((r) => `${r.position}:${r.name}:${r.when.channel}`)).toEqual([
      '0:0:web',
      '1:1а:hand',
      '2:2:email',
    ]);
    rules = await o.call('routing.delete', { id: r1.id });
    expect(rules.map((r) => `${r.position}:${r.name}`)).toEqual(['0:0', '1:2']);
    const kept = o.handle.sqlite
      .prepare('SELECT count(*) AS n FROM routing_rules WHERE deleted_at IS NULL')
      .get() as { n: number };
    expect(kept.n).toBe(rules.length);
  });
});

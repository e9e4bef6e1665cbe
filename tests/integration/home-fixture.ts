import type { Role } from '../../shared/api/define';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { addCalendarDays } from '../../shared/domain/calendar';
import { appealInput, setUpOffice, type TestOffice } from './helpers';
import type { Card } from './workflow-steps';
import { BODY_NAMES, mulberry32, walker, type Person } from './workflow-walk';

/**
 * An office after eight weeks of work, for the home screen's tests: appeals registered day by day by
 * several people and walked through random steps of the workflow (so every stage, requests overdue at
 * several bodies, tasks due today and late), some appeals with nobody responsible, and events around
 * the last day. Calls are made by login (the internal transport), so no session runs out between days.
 */
export interface HomeOffice {
  o: TestOffice;
  people: Record<'admin' | 'head' | 'deputy' | 'asst1' | 'asst2', Person>;
  today: string;
  as<M extends MethodName>(who: Person, method: M, input: Input<M>): Promise<Output<M>>;
  close(): void;
}

const START = '2026-01-12';
const DAYS = 58;
const tenInMoscow = (date: string): string => `${date}T07:00:00Z`;

export async function homeOffice(seed = 9_2026): Promise<HomeOffice> {
  const o = await setUpOffice(tenInMoscow(START));
  const rnd = mulberry32(seed);
  let today = START;
  const bodies: string[] = [];
  const { pick, pickWeighted, allowed } = walker({ rnd, today: () => today, bodies, answered: new Map() });

  async function as<M extends MethodName>(who: Person, method: M, input: Input<M>): Promise<Output<M>> {
    const r = await o.handle.api.call('internal', method, input, { login: who.login });
    if (!r.ok) throw new Error(`${who.login} ${method} ${JSON.stringify(input)}: ${r.error.message}`);
    return r.value as Output<M>;
  }
  const person = async (login: string, role: Role): Promise<Person> => {
    const id =
      role === 'admin'
        ? (await o.value('users.list', {})).find((u) => u.login === login)!.id
        : (await o.addUser(login, role)).id;
    return { id, login, role, token: '' };
  };
  const people = {
    admin: await person('admin', 'admin'),
    head: await person('head', 'office_head'),
    deputy: await person('deputy', 'deputy'),
    asst1: await person('asst1', 'assistant'),
    asst2: await person('asst2', 'assistant'),
  };
  for (const name of BODY_NAMES) bodies.push((await as(people.admin, 'bodies.create', { name })).id);

  /** A request drafted, approved and sent today, to one of the bodies. */
  async function sendRequest(r: Card['requests'][number], bodyId = pick(bodies)): Promise<void> {
    if (r.status === 'draft') {
      await as(people.asst1, 'requests.update', { id: r.id, bodyId, text: 'Прошу сообщить' });
      await as(people.asst1, 'requests.submit', { id: r.id });
    }
    await as(people.deputy, 'requests.approve', { id: r.id });
    await as(people.asst1, 'requests.send', { id: r.id, sentOn: today, outgoingNumber: `ЗП-${r.seq}` });
  }

  const desk = [people.asst1, people.asst2, people.head, people.admin];
  const open = new Set<string>();
  for (let day = 0; day < DAYS; day++) {
    today = addCalendarDays(START, day);
    o.clock.set(tenInMoscow(today));
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let n = Math.floor(rnd() * 3) + 1; n > 0; n--) {
      const by = pick(desk);
      const c = await as(by, 'appeals.register', appealInput({ responsibleId: pick(desk.slice(0, 3)).id }));
      open.add(c.id);
      if (rnd() < 0.08)
        await as(people.head, 'appeals.update', {
          id: c.id,
          version: c.version,
          patch: { responsibleId: null },
        });
    }
    // Early on, a few appeals go to outside bodies that never answer: their requests fall overdue.
    if (day === 3)
      for (let i = 0; i < 5; i++) {
        const c = await as(people.asst2, 'appeals.register', appealInput({ responsibleId: people.asst2.id }));
        await as(people.asst2, 'workflow.sendToDeputy', { id: c.id });
        const r = await as(people.deputy, 'workflow.resolve', {
          id: c.id,
          text: 'Направить запрос',
          requestNeeded: true,
        });
        await sendRequest({ ...r.requests[0]!, status: 'draft' }, bodies[i % 3]!);
      }
    // Each open appeal moves on some days, by whoever may take a step on it.
    for (const id of [...open]) {
      if (rnd() < 0.75) continue;
      const who = pick([people.asst1, people.deputy, people.head]);
      const c: Card = await as(who, 'appeals.get', { id });
      const draft = c.requests.find((r) => r.status === 'draft' || r.status === 'approval');
      if (draft && rnd() < 0.6) {
        await sendRequest(draft);
        continue;
      }
      const steps = allowed(c, who);
      if (steps.length === 0) continue;
      const step = pickWeighted(steps);
      // Bodies are slow to answer: some requests stay unanswered past their term.
      if (step.method === 'requests.recordAnswer' && rnd() < 0.85) continue;
      const after = await as(who, step.method, step.input as never);
      if ((after as { status?: string }).status === 'closed') open.delete(id);
    }
  }

  // Events around the last day: today, later this week, last week, next week; one of today's cancelled.
  const plan: Array<[string, number, boolean]> = [
    ['Приём граждан', 0, false],
    ['Встреча с жителями', 0, false],
    ['Отменённая встреча', 0, true],
    ['Выездной приём', 2, false],
    ['Круглый стол', -7, false],
    ['Отчёт перед избирателями', 7, false],
  ];
  for (const [title, offset, cancel] of plan) {
    const e = await as(people.head, 'events.create', {
      title,
      kind: 'residents_meeting',
      date: addCalendarDays(today, offset),
      responsibleId: people.asst1.id,
    });
    if (cancel) await as(people.head, 'events.cancel', { id: e.id, reason: 'Перенесена' });
  }
  return { o, people, today, as, close: () => o.close() };
}

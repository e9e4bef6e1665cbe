import type { EventCard } from '../../shared/api/events';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { addCalendarDays } from '../../shared/domain/calendar';
import type { Rng } from './people';

type Call = <M extends MethodName>(method: M, input: Input<M>, token?: string) => Promise<Output<M>>;

interface StaffSession {
  token: string;
  userId: string;
}

/** What the demo office has on its board: a few events at different stages, one past and closed. */
const PLAN: {
  title: string;
  kind: string;
  inDays: number;
  transfer: boolean;
  steps: number;
  outcome?: string;
}[] = [
  {
    title: 'День приёма граждан в общественной приёмной',
    kind: 'reception_day',
    inDays: -12,
    transfer: false,
    steps: 6,
    outcome: 'Принято 14 граждан, зарегистрировано 9 обращений; 3 вопроса решены на месте.',
  },
  { title: 'Выездной приём в сельском поселении', kind: 'visit', inDays: 4, transfer: true, steps: 4 },
  {
    title: 'Встреча с жителями по благоустройству двора',
    kind: 'residents_meeting',
    inDays: 9,
    transfer: false,
    steps: 2,
  },
  { title: 'Круглый стол о капитальном ремонте', kind: 'round_table', inDays: 16, transfer: false, steps: 1 },
  { title: 'День приёма граждан', kind: 'reception_day', inDays: 30, transfer: false, steps: 0 },
  { title: 'Отчёт перед избирателями', kind: 'residents_meeting', inDays: 45, transfer: true, steps: 0 },
];

const DISTRICTS = ['Центральный', 'Заречный', 'Северный', 'Ленинский', 'Пролетарский'];

async function tickAll(call: Call, card: EventCard, token: string): Promise<EventCard> {
  let c = card;
  for (const task of card.tasks.filter((t) => t.status === 'open'))
    for (const item of task.items) c = await call('events.checkItem', { id: item.id, done: true }, token);
  return c;
}

/** Events made through the API as the desk makes them: created, ticked, moved stage by stage. */
export async function fillDemoEvents(
  call: Call,
  rng: Rng,
  desks: readonly StaffSession[],
  today: string,
): Promise<number> {
  const district = rng.pick(DISTRICTS);
  for (const p of PLAN) {
    const [responsible, escort] = rng.chance(0.5) ? [desks[0]!, desks[1]!] : [desks[1]!, desks[0]!];
    let card = await call(
      'events.create',
      {
        title: p.title,
        kind: p.kind,
        date: addCalendarDays(today, p.inDays),
        startTime: rng.pick(['10:00', '11:00', '15:00', '18:00']),
        place: rng.pick(['Общественная приёмная', 'Дом культуры', 'Библиотека', 'Школа № 5, актовый зал']),
        district,
        responsibleId: responsible.userId,
        escortId: escort.userId,
        transferNeeded: p.transfer,
        transferTransport: p.transfer ? 'Служебный автомобиль' : null,
        expectedCount: rng.int(10, 60),
      },
      responsible.token,
    );
    for (let i = 0; i < p.steps; i++) {
      const to = card.next;
      if (!to || to === 'closed') break;
      card = await tickAll(call, card, responsible.token);
      card = await call('events.move', { id: card.id, to }, responsible.token);
    }
    if (p.outcome) {
      card = await call(
        'events.update',
        { id: card.id, version: card.version, patch: { outcome: p.outcome, actualCount: rng.int(10, 40) } },
        responsible.token,
      );
      card = await tickAll(call, card, responsible.token);
      if (card.next === 'closed') await call('events.move', { id: card.id, to: 'closed' }, responsible.token);
    }
  }
  return PLAN.length;
}

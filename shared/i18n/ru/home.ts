/**
 * The home screen's words: the figures of each role's screen, and the notes a list shows when it was
 * opened from one of them (what the filter is, and how to see everything).
 */
import { format, parseISO } from 'date-fns';
import { ru } from 'date-fns/locale';
import type { QueueWait } from '../../api/workflow';
import { plural } from '../../domain/plural';

/** A figure's words after its number, the noun agreeing with it: «1 резолюция», «5 резолюций». */
const after =
  (one: string, few: string, many: string, rest = '') =>
  (n: number): string =>
    `${plural(n, one, few, many)}${rest}`;
const APPEALS = ['обращение', 'обращения', 'обращений'] as const;
const REQUESTS = ['запрос', 'запроса', 'запросов'] as const;
const TASKS = ['задача', 'задачи', 'задач'] as const;

/** `2026-03-10` → «вторник, 10 марта» (date-fns's Russian locale has the genitive months). */
export function dayLong(iso: string): string {
  return format(parseISO(iso), 'EEEE, d MMMM', { locale: ru });
}

/** `2026-03-12` → «12 марта». */
export function dayShort(iso: string): string {
  return format(parseISO(iso), 'd MMMM', { locale: ru });
}

export const home = {
  nav: 'Главная',
  title: 'Главная',
  today: (date: string) => `Сегодня ${dayLong(date)}`,
  open: 'Открыть список',
  empty: 'нет',
  deputy: {
    waiting: 'Ждёт вашего решения',
    queue: 'всего в очереди «На резолюцию»',
    resolutions: after('резолюция', 'резолюции', 'резолюций', ' по обращениям и ответам на запросы'),
    letters: after('письмо', 'письма', 'писем', ' на согласование: ответы заявителям и запросы'),
    late: 'Просрочено',
    queueOverdue: 'в вашей очереди — срок обращения уже истёк',
    overdueAppeals: after(...APPEALS, ' приёмной с истёкшим сроком'),
    overdueRequests: after(...REQUESTS, ' без ответа в срок'),
    events: 'Мероприятия',
    eventsToday: 'сегодня',
    eventsWeek: (from: string, to: string) => `на неделе ${dayShort(from)} — ${dayShort(to)}`,
    eventsList: 'Мероприятия недели',
    noEvents: 'На этой неделе мероприятий нет.',
    allClear: 'Ваших решений ничего не ждёт.',
  },
  assistant: {
    day: 'Мой день',
    tasksToday: after(...TASKS, ' на сегодня'),
    tasksOverdue: after('задача просрочена', 'задачи просрочены', 'задач просрочено'),
    appeals: 'Мои обращения',
    openAppeals: 'в работе',
    overdueAppeals: 'с истёкшим сроком',
    byStage: 'Мои обращения по этапам',
    noAppeals: 'Открытых обращений за вами нет.',
    dayList: 'Задачи на сегодня и просроченные',
    noTasks: 'На сегодня задач нет.',
    dueToday: 'сегодня',
    lateSince: (date: string) => `срок ${date}`,
    /** What a task is about: the appeal (number, applicant) or the event; never an empty dash. */
    about: (reg: string | null, applicant: string | null, event: string | null) =>
      reg ? [`№ ${reg}`, applicant].filter(Boolean).join(' · ') : (event ?? ''),
  },
  office: {
    office: 'Приёмная',
    openAppeals: after(...APPEALS, ' в работе'),
    overdueAppeals: after(...APPEALS, ' с истёкшим сроком'),
    overdueTasks: after('задача просрочена', 'задачи просрочены', 'задач просрочено'),
    overdueRequests: after(...REQUESTS, ' без ответа в срок'),
    queue: after('ждёт', 'ждут', 'ждут', ' решения депутата'),
    allOffices: 'Все приёмные',
    staffOf: (name: string, officeCode: string) => `${name} (${officeCode})`,
    offices: 'По приёмным',
    officesLabel: 'Обращения в работе и просроченные по приёмным',
    officeColumn: 'Приёмная',
    staff: 'Нагрузка по сотрудникам',
    staffLabel: 'Нагрузка и просрочка по сотрудникам',
    person: 'Сотрудник',
    nobody: 'Без ответственного',
    openAppealsColumn: 'Обращения в работе',
    overdueAppealsColumn: 'Из них просрочено',
    openTasksColumn: 'Задачи',
    overdueTasksColumn: 'Задачи просрочены',
    bodies: 'Запросы без ответа в срок — по органам',
    bodiesLabel: 'Просроченные запросы по органам',
    body: 'Орган',
    overdueColumn: 'Просрочено',
    noBody: 'Орган не указан',
    noLateRequests: 'Все органы отвечают в срок.',
  },
  /** A link's count read aloud: the figure and what it counts. */
  figureLabel: (count: number, what: string) => `${count} — ${what}`,
  /** The notes a list shows when opened with a filter. */
  filtered: {
    showAll: 'Показать всё',
    openOnly: 'Только в работе',
    unassigned: 'Без ответственного',
    queue: (waiting: readonly QueueWait[] | undefined, overdue: boolean | undefined) =>
      [
        waiting?.length ? `ждут: ${waiting.map((w) => QUEUE_WAIT_SHORT[w]).join(', ')}` : null,
        overdue ? 'срок обращения истёк' : null,
      ]
        .filter(Boolean)
        .join('; '),
    tasks: { today: 'срок сегодня', overdue: 'просроченные', nobody: 'ничьи задачи' },
    tasksOf: (name: string) => `задачи: ${name}`,
    events: (from: string, to: string) =>
      from === to ? `мероприятия ${dayShort(from)}` : `мероприятия с ${dayShort(from)} по ${dayShort(to)}`,
    shown: 'Показаны',
  },
} as const;

const QUEUE_WAIT_SHORT: Record<QueueWait, string> = {
  resolution: 'резолюция',
  art11_decision: 'решение по ст. 11',
  answer_resolution: 'резолюция по ответу',
  reply_approval: 'согласование ответа',
  request_approval: 'согласование запроса',
};

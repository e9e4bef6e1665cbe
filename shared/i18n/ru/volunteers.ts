import type { VolunteerStage } from '../../api/volunteers';

const STAGES: Record<VolunteerStage, string> = {
  new: 'Новый',
  checked: 'Проверен',
  interview: 'Собеседование',
  accepted: 'Принят',
  declined: 'Отклонён',
};

/** «2026-12-09T15:30» as «09.12.2026 15:30». */
export function localDateTimeText(s: string): string {
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)} ${s.slice(11, 16)}`;
}

/** The volunteer pipeline's texts: the server's (the task, the event, the timeline) and the screens'. */
export const volunteersText = {
  stage: STAGES,
  /** The button that moves a candidate to a stage. */
  moveTo: {
    new: 'Вернуть в новые',
    checked: 'Проверен',
    interview: 'Назначить собеседование',
    accepted: 'Принять',
    declined: 'Отклонить',
  } satisfies Record<VolunteerStage, string>,
  rescheduled: 'Перенести собеседование',
  source: (campaign: string | null) =>
    campaign ? `Интернет-приёмная: стать волонтёром (${campaign})` : 'Интернет-приёмная: стать волонтёром',
  taskTitle: (name: string) => `Кандидат в волонтёры: ${name} — связаться и проверить`,
  eventTitle: (name: string) => `Собеседование с кандидатом в волонтёры: ${name}`,
  timeline: (stage: VolunteerStage, interviewAt: string | null, reason: string | null) =>
    stage === 'new'
      ? 'Заявка волонтёра: кандидат в волонтёры'
      : stage === 'interview' && interviewAt
        ? `Кандидат в волонтёры: собеседование ${localDateTimeText(interviewAt)}`
        : stage === 'declined' && reason
          ? `Кандидат в волонтёры: отклонён (${reason})`
          : `Кандидат в волонтёры: ${STAGES[stage].toLowerCase()}`,
  consent: (version: string) => `Согласие на обработку персональных данных (редакция ${version})`,
  ui: {
    title: 'Кандидат в волонтёры',
    stageLabel: 'Этап',
    since: 'с',
    campaign: 'Кампания',
    form: 'Источник',
    formName: 'Форма «Стать волонтёром / сторонником»',
    consent: 'Согласие (152-ФЗ)',
    consentVersion: (v: string, at: string) => `редакция ${v}, дано ${at}`,
    interviewAt: 'Дата и время собеседования',
    interviewOn: (at: string) => `Собеседование: ${localDateTimeText(at)}`,
    openEvent: 'Открыть мероприятие',
    reason: 'Причина отказа',
    declineReason: (r: string) => `Причина отказа: ${r}`,
    cancel: 'Отмена',
    confirm: 'Сохранить',
    done: 'Путь кандидата завершён',
    steps: 'Шаги',
    listTitle: 'Кандидаты в волонтёры',
    allStages: 'Все этапы',
    filterStage: 'Этап кандидата',
    empty: 'Кандидатов на этом этапе нет',
    name: 'ФИО',
    region: 'Регион',
    noRegion: 'регион не указан',
    stats: 'Кандидаты в волонтёры',
    statsByRegion: 'По регионам',
    total: 'Всего',
    settingsTitle: 'Волонтёры',
    coordinator: 'Координатор волонтёров',
    coordinatorHelp:
      'Получает задачу по каждому новому кандидату из интернет-приёмной. Не выбран — руководитель приёмной.',
    officeHead: 'Руководитель приёмной',
    saved: 'Сохранено',
  },
};

import type {
  BUILTIN_EVENT_KINDS,
  ChecklistAssignee,
  EventStage,
  EventState,
} from '../../domain/workflow/event';

/** The seed's stage names, as the office says them. */
export const eventStageLabels: Record<EventStage, string> = {
  creation: 'Создание',
  approval: 'Согласование',
  programme: 'Подготовка программы',
  trip_prep: 'Подготовка выезда',
  transfer: 'Трансфер',
  event: 'Мероприятие',
  return_transfer: 'Обратный трансфер',
  after: 'После мероприятия',
  summary: 'Подведение итогов',
};

export const eventStateLabels: Record<EventState, string> = {
  ...eventStageLabels,
  closed: 'Завершено',
  cancelled: 'Отменено',
};

export const eventKindLabels: Record<(typeof BUILTIN_EVENT_KINDS)[number], string> = {
  reception_day: 'День приёма',
  residents_meeting: 'Встреча с жителями',
  visit: 'Выезд',
  round_table: 'Круглый стол',
  other: 'Другое',
};

export const assigneeLabels: Record<ChecklistAssignee, string> = {
  responsible: 'Ответственный',
  escort: 'Сопровождающий',
};

/** A stage task's title, stored with the task so lists and reminders read the same. */
export function eventTaskTitle(stage: EventStage, role: ChecklistAssignee, eventTitle: string): string {
  const who = role === 'escort' ? ' (сопровождающий)' : '';
  return `${eventStageLabels[stage]}${who}: ${eventTitle}`;
}

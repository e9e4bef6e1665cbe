import type { TaskKind } from '../../domain/workflow/appeal';

/** Titles of the tasks the workflow opens; stored with the task so lists and reminders read the same. */
const TASK_TITLES: Record<TaskKind, string> = {
  review: 'Рассмотреть обращение и выбрать направление',
  contact_data: 'Получить контактные данные заявителя',
  art11_decision: 'Решение депутата о прекращении переписки (ч. 5 ст. 11 59-ФЗ)',
  art11_notice: 'Направить заявителю уведомление по ст. 11 59-ФЗ',
  forward: 'Переадресовать обращение по компетенции и уведомить заявителя',
  resolution: 'Резолюция депутата по обращению',
  request_draft: 'Подготовить запрос',
  request_approval: 'Согласовать запрос',
  request_send: 'Отправить запрос',
  request_answer: 'Получить ответ на запрос',
  answer_resolution: 'Резолюция депутата по ответу на запрос',
  extension_notice: 'Уведомить заявителя о продлении срока',
  reply_draft: 'Подготовить ответ заявителю',
  reply_approval: 'Согласовать ответ заявителю',
  reply_send: 'Отправить ответ заявителю',
};

export function taskTitle(kind: TaskKind): string {
  return TASK_TITLES[kind];
}

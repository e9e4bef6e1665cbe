import type { AssignmentPriority, AssignmentStatus, Recurrence } from '../../domain/assignments';

/** The title a поручение's task carries in Задачи: the text's beginning. */
export function assignmentTaskTitle(text: string, review: boolean): string {
  const short = text.length > 160 ? `${text.slice(0, 159)}…` : text;
  return review ? `Принять отчёт по поручению: ${short}` : `Поручение: ${short}`;
}

export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  new: 'Новое',
  in_work: 'В работе',
  reported: 'Отчёт представлен',
  accepted: 'Принято',
  returned: 'Возвращено',
};

export const assignmentPriorityLabels: Record<AssignmentPriority, string> = {
  low: 'Низкий',
  normal: 'Обычный',
  high: 'Высокий',
};

export const recurrenceLabels: Record<Recurrence, string> = {
  weekly: 'Еженедельно',
  monthly: 'Ежемесячно',
};

export const weekdayLabels = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];

/** The поручение's form, card and lists. */
export const assignmentsUi = {
  give: 'Дать поручение',
  giveHint: 'Ctrl+Enter — дать поручение, Esc — отмена',
  title: 'Поручение',
  newTitle: 'Новое поручение',
  text: 'Текст поручения',
  assignees: 'Исполнители',
  controlBy: 'Срок',
  controlDate: 'Контрольная дата',
  termDays: 'Рабочих дней',
  byDate: 'к дате',
  byDays: 'через рабочих дней',
  priority: 'Приоритет',
  author: 'Автор',
  status: 'Состояние',
  links: 'Связано с',
  appeal: 'Обращение',
  event: 'Мероприятие',
  contact: 'Контакт',
  report: 'Отчёт об исполнении',
  reportPlaceholder: 'Что сделано',
  reportDone: 'Отчитаться об исполнении',
  start: 'Принять в работу',
  accept: 'Принять',
  return: 'Вернуть на доработку',
  returnReason: 'Причина возврата',
  returned: 'Возвращено',
  accepted: 'Принято',
  reassign: 'Передать другим',
  comments: 'Обсуждение',
  commentPlaceholder: 'Комментарий',
  send: 'Отправить',
  files: 'Файлы',
  attach: 'Прикрепить файл',
  noComments: 'Комментариев нет',
  noFiles: 'Файлов нет',
  overdue: 'просрочено',
  cancel: 'Отмена',
  save: 'Сохранить',
  close: 'Закрыть',
  open: 'Открыть поручение',
  listTitle: 'Поручения',
  none: 'Поручений нет',
  recurring: 'Повторяющиеся поручения',
  recurrence: 'Повтор',
  day: 'День',
  pause: 'Приостановить',
  resume: 'Возобновить',
  paused: 'приостановлено',
  addRecurring: 'Добавить повторяющееся',
  editRecurring: 'Изменить',
  saveRecurring: 'Сохранить изменения',
  cancelEdit: 'Отменить правку',
  editingRecurring: (text: string) => `Правка: «${text}». Уже данные поручения останутся как были.`,
  deleteRecurring: 'Удалить',
  deleteRecurringConfirm: (text: string) =>
    `Удалить повторяющееся поручение «${text}»? Новые поручения по нему больше не будут даваться; уже данные останутся.`,
  download: (name: string) => `Скачать ${name}`,
  giveKey: 'Ins',
  me: '(я)',
  reassignTo: 'Передать: новые исполнители',
  reassignedNote: 'Исполнители изменены',
  monthDay: (day: number) => `${day}-е число`,
  assigneesHint: 'Отметьте одного или нескольких',
  byDateOrDays: 'Укажите дату или число рабочих дней',
  given: 'Поручение дано',
  reportedNote: 'Отчёт отправлен автору',
  acceptedNote: 'Отчёт принят',
  returnedNote: 'Поручение возвращено на доработку',
  of: (name: string | null) => `от ${name ?? '—'}`,
  until: (date: string) => `до ${date}`,
  reportBy: (name: string | null, at: string) => `${name ?? '—'}, ${at}`,
  recurringIntro:
    'Поручение даётся раз в неделю или в месяц в указанный день. Если программа была закрыта несколько ' +
    'периодов, даётся одно поручение — за текущий период; пропущенные не догоняются.',
};

/** The period report's table of the staff's поручения. */
export const assignmentReportText = {
  title: 'Поручения по сотрудникам',
  person: 'Сотрудник',
  given: 'Дано за период',
  accepted: 'Принято за период',
  open: 'На исполнении',
  overdue: 'Просрочено',
};

/** The server's messages about поручения, in Russian (merged into `serverMessages`). */
export const assignmentServerMessages: Record<string, string> = {
  'at least one person': 'Отметьте хотя бы одного исполнителя',
  'a person is named twice': 'Исполнитель указан дважды',
  'give a date or a number of working days, not both': 'Укажите либо дату, либо число рабочих дней',
  'required: a date or a number of working days': 'Укажите контрольную дату или число рабочих дней',
  'a control date cannot be in the past': 'Контрольная дата не может быть в прошлом',
  'no such active person of the office': 'Такого действующего сотрудника нет',
  'already an assignee of this assignment': 'Этот сотрудник уже исполняет поручение',
  'a weekday: 1 (Monday) to 7 (Sunday)': 'День недели: от 1 (понедельник) до 7 (воскресенье)',
  'no such recurring assignment': 'Такого повторяющегося поручения нет',
  'no such file': 'Такого файла нет',
  'only the author, the office head or the deputy changes a recurring assignment':
    'Изменить повторяющееся поручение может его автор, руководитель приёмной или депутат',
  'only the author, the office head or the deputy removes a recurring assignment':
    'Удалить повторяющееся поручение может его автор, руководитель приёмной или депутат',
  'only the author, the office head or the deputy pauses a recurring assignment':
    'Приостановить повторяющееся поручение может его автор, руководитель приёмной или депутат',
};

import { countOf } from '../../domain/plural';
import { settings } from './settings';
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

/** The events services' messages, in Russian (merged into the server messages). */
export const eventServerMessages: Record<string, string> = {
  'mandatory checklist items are not done': 'Не выполнены обязательные пункты чек-листа этапа',
  'only the office head may leave a stage with its checklist undone':
    'Перевести этап с невыполненным чек-листом может только руководитель приёмной',
  'an event closes with its outcome': 'Чтобы завершить мероприятие, заполните итоги',
  'the stage of this item is over': 'Этап этого пункта уже пройден',
  'this checklist item is someone else’s': 'Этот пункт чек-листа поручен другому сотруднику',
  'no such event': 'Мероприятие не найдено',
  'no such kind of event': 'Такого вида мероприятий нет',
  'the event was changed by someone else; reload it':
    'Мероприятие изменил другой сотрудник; обновите карточку',
  'a finished event keeps its date and people':
    'У завершённого мероприятия нельзя менять дату и ответственного',
  'no such contact': 'Контакт не найден',
  'expected a time HH:MM': 'Введите время как ЧЧ:ММ',
  'cancelling is its own step, with a reason': 'Отмена мероприятия — отдельный шаг, с причиной',
};

/** Every string of the events screens, the card and the settings section. */
export const eventsUi = {
  title: 'Мероприятия',
  newEvent: 'Новое мероприятие',
  board: 'Доска',
  calendar: 'Календарь',
  month: 'Месяц',
  week: 'Неделя',
  previous: 'Назад',
  next: 'Вперёд',
  today: 'Сегодня',
  count: (n: number) => countOf(n, ['мероприятие', 'мероприятия', 'мероприятий']),
  empty: 'Мероприятий пока нет',
  boardLabel: 'Доска мероприятий по этапам',
  boardKeys:
    'Стрелки — выбрать карточку, Enter — открыть, Shift+→ — на следующий этап, Shift+← — на этап назад. Карточку можно перетащить мышью.',
  progress: (done: number, total: number) => `${done} из ${total}`,
  mandatoryLeft: (n: number) => `осталось обязательных: ${n}`,
  overdue: 'есть просроченные пункты',
  moved: (title: string, stage: string) => `«${title}» → ${stage}`,
  weekdays: settings.calendar.weekdaysShort,
  months: settings.calendar.months,
  calendarLabel: 'Календарь мероприятий',
  weekOf: (from: string, to: string) => `${from} — ${to}`,
  // The card
  back: 'К мероприятиям',
  stages: 'Этапы',
  checklist: 'Чек-лист этапа',
  noChecklist: 'На этом этапе пунктов нет',
  mandatory: 'обязательный',
  due: 'срок',
  doneBy: (name: string | null) => (name ? `выполнил: ${name}` : 'выполнено'),
  nextStep: (stage: string) => `Перевести на этап «${stage}»`,
  close: 'Завершить мероприятие',
  back1: 'Вернуть на этап',
  cancelEvent: 'Отменить мероприятие',
  cancelReason: 'Причина отмены',
  cancelled: (reason: string) => `Отменено: ${reason}`,
  closed: (date: string) => `Завершено ${date}`,
  override: 'Перевести, не дожидаясь обязательных пунктов',
  overrideReason: 'Причина (будет записана в историю)',
  overrideTitle: 'Обязательные пункты не выполнены',
  overrideIntro: 'Не выполнены обязательные пункты:',
  overrideOnlyHead: 'Перевести этап без них может только руководитель приёмной.',
  approvalOn: (date: string) => `Перейдёт на «Согласование» автоматически ${date}`,
  registerAppeal: 'Зарегистрировать обращение',
  printProgramme: 'Программа (DOCX)',
  fromEvent: (title: string) => `Обращение принято на мероприятии «${title}»`,
  unlink: 'Не связывать',
  takenAt: 'Принято на мероприятии',
  appeals: 'Обращения, принятые на мероприятии',
  noAppeals: 'Обращений нет',
  participants: 'Участники',
  noParticipants: 'Участники не добавлены',
  attended: 'присутствовал',
  addParticipant: 'Добавить участника из контактов',
  participantSearch: 'Фамилия или телефон',
  remove: 'Убрать',
  history: 'История',
  pastTasks: 'Пройденные этапы',
  edit: 'Изменить карточку',
  saved: 'Сохранено',
  system: 'Система',
  historyActions: {
    created: 'Создано',
    updated: 'Изменено',
    moved: 'Переведено на другой этап',
    auto_moved: 'Переведено автоматически',
    override: 'Переведено руководителем без обязательных пунктов',
    cancelled: 'Отменено',
    item_done: 'Выполнен пункт',
    item_undone: 'Снята отметка',
    appeal_registered: 'Зарегистрировано обращение',
    sync_conflict: 'Расхождение при синхронизации',
  } as Record<string, string>,
  // Fields
  fields: {
    title: 'Название',
    kind: 'Вид',
    date: 'Дата',
    startTime: 'Начало',
    endTime: 'Окончание',
    place: 'Место',
    address: 'Адрес',
    district: 'Район',
    responsibleId: 'Ответственный',
    escortId: 'Сопровождающий',
    transferNeeded: 'Нужен трансфер (выезд)',
    transferTransport: 'Транспорт',
    transferOutAt: 'Выезд туда',
    transferBackAt: 'Выезд обратно',
    expectedCount: 'Ожидается участников',
    actualCount: 'Пришло участников',
    programme: 'Программа',
    agenda: 'Повестка',
    pressReleaseSentOn: 'Пресс-релиз отправлен',
    pressAnswerOn: 'Ответ пресс-службы получен',
    pressNote: 'Пресс-служба: примечание',
    outcome: 'Итоги',
  } as Record<string, string>,
  sections: {
    main: 'Основное',
    transfer: 'Трансфер',
    programme: 'Программа и повестка',
    press: 'Пресс-служба',
    outcome: 'Итоги',
  },
  timeHint: 'ЧЧ:ММ',
  create: 'Создать',
  // Settings
  settingsTitle: 'Мероприятия: виды и чек-листы',
  kinds: 'Виды мероприятий',
  kindHidden: 'скрыт',
  hide: 'Скрыть',
  show: 'Показать',
  kindInput: (name: string) => `Вид мероприятий «${name}»`,
  addKind: 'Добавить вид',
  newKindName: 'Новый вид мероприятий',
  templates: 'Чек-листы этапов',
  templateFor: 'Этап',
  templateKind: 'Для вида',
  anyKind: 'для всех видов',
  edited: 'изменён приёмной',
  shipped: 'по умолчанию',
  itemText: 'Пункт',
  itemMandatory: 'Обязательный',
  itemAssignee: 'Кому',
  itemOffset: 'Срок, дней от даты мероприятия',
  addItem: 'Добавить пункт',
  removeItem: 'Удалить пункт',
  saveTemplate: 'Сохранить чек-лист',
  resetTemplate: 'Вернуть по умолчанию',
  templateSaved:
    'Чек-лист сохранён: он применится к следующим переходам на этап, уже выданные задачи не меняются',
  stageLimits: 'Сроки этапов мероприятий, рабочих дней (дольше — «застряло»)',
  saveLimits: 'Сохранить сроки',
};

/** Кампании: the campaign screen, its funnel, the field team's tasks and the figures' workbook. */
import type { CampaignKind } from '../../api/campaigns';

/** The seed's funnel of a signature collection: the stages a new campaign starts with. */
export const DEFAULT_CAMPAIGN_STAGES = [
  'Первичный контакт',
  'Готов оставить подпись',
  'Задача скаутам',
  'Подпись получена',
] as const;

export const campaignKindLabels: Record<CampaignKind, string> = {
  signatures: 'Сбор подписей',
  meeting: 'Встреча',
  survey: 'Опрос',
};

export const campaignsUi = {
  nav: 'Кампании',
  title: 'Кампании',
  empty: 'Кампаний пока нет.',
  create: 'Новая кампания',
  edit: 'Изменить',
  save: 'Сохранить',
  cancel: 'Отмена',
  name: 'Название',
  kind: 'Вид',
  startsOn: 'Начало',
  endsOn: 'Окончание',
  description: 'Описание',
  stages: 'Этапы воронки (по одному в строке, по порядку)',
  stagesHint: 'Переименуйте этап на его строке; этап, в котором есть контакты, удалить нельзя.',
  members: (n: number) => `Контактов: ${n}`,
  list: 'Список кампаний',
  choose: 'Выберите кампанию слева или создайте новую.',
  dates: (from: string | null, to: string | null) =>
    from && to ? `${from} — ${to}` : from ? `с ${from}` : to ? `по ${to}` : 'без дат',
  // The members' list.
  membersTitle: 'Контакты по этапам',
  allStages: 'Все этапы',
  noMembers: 'В кампании пока нет контактов: добавьте их из сегмента, импортом или по одному.',
  columns: {
    fullName: 'ФИО',
    phones: 'Телефон',
    address: 'Адрес',
    stage: 'Этап',
    movedAt: 'Перемещён',
    movedBy: 'Кем',
    tasks: 'Задачи',
  },
  keysTitle: 'Клавиши списка',
  keys: {
    select: 'выбрать контакт',
    next: 'на следующий этап',
    previous: 'на предыдущий этап',
    history: 'история перемещений',
    toStage: 'на этап с этим номером',
  },
  listLabel: 'Контакты кампании',
  stageFilter: 'Показать этап',
  shown: (from: number, to: number, total: number) => `${from}–${to} из ${total}`,
  pagePrevious: 'Предыдущие',
  pageNext: 'Следующие',
  noHistory: 'Перемещений нет.',
  atStage: (stage: string, n: number) => `${stage}: ${n}`,
  moved: (name: string, stage: string) => `${name}: этап «${stage}»`,
  history: 'История перемещений',
  taken: 'добавлен в кампанию',
  // Adding contacts.
  add: 'Добавить контакты',
  fromSegment: 'Из сегмента',
  segment: 'Сегмент',
  chooseSegment: '— выберите сегмент —',
  addSegment: 'Добавить участников сегмента',
  oneByOne: 'По одному',
  findContact: 'Поиск контакта по фамилии или телефону',
  addOne: 'Добавить',
  fromImport: 'Импорт файла (CSV, XLSX)',
  importFile: 'Импортировать файл',
  added: (added: number, already: number) =>
    `Добавлено: ${added}` + (already > 0 ? `; уже были в кампании: ${already}` : ''),
  imported: (rows: number, added: number, skipped: number) =>
    `Строк в файле: ${rows}; добавлено в кампанию: ${added}` + (skipped > 0 ? `; пропущено: ${skipped}` : ''),
  /** The source written on contacts an import for the campaign creates. */
  importSource: (campaign: string) => `Кампания «${campaign}»`,
  // Tasks by stage.
  tasksTitle: 'Задачи полевой команде',
  taskStage: 'Этап',
  taskAssignee: 'Исполнитель',
  chooseAssignee: '— выберите сотрудника —',
  taskTitle: 'Что сделать',
  taskTitleDefault: 'Связаться с контактом',
  taskDue: 'Срок',
  createTasks: 'Создать задачи',
  tasksCreated: (created: number, skipped: number) =>
    `Создано задач: ${created}` + (skipped > 0 ? `; у ${skipped} уже есть открытая задача` : ''),
  /** A task's title in Задачи: what to do, for whom, in which campaign. */
  taskOf: (title: string, contact: string, campaign: string) => `${title}: ${contact} (${campaign})`,
  // Figures.
  figuresTitle: 'Показатели',
  week: (from: string, to: string) => `Неделя ${from} — ${to}`,
  total: 'Всего контактов',
  movedThisWeek: 'Перемещено за неделю',
  openTasks: 'Открытых задач',
  staff: 'Сотрудник',
  nobody: 'не указан',
  byStaff: 'По сотрудникам (этап, на который сотрудник перевёл контакт последним)',
  stage: 'Этап',
  count: 'Контактов',
  xlsx: 'Показатели в XLSX',
  // The workbook.
  sheetStages: 'Этапы',
  sheetStaff: 'Сотрудники',
  fileName: (day: string) => `kampaniya-${day}.xlsx`,
  // The campaign's form.
  editTitle: 'Кампания',
  createTitle: 'Новая кампания',
  stageCount: (n: number) => `Этапов: ${n}`,
  created: (name: string) => `Кампания «${name}» создана`,
  saved: 'Изменения сохранены',
  found: (n: number) => (n === 0 ? 'Никого не найдено' : `Найдено: ${n}`),
  imports: (name: string) => `Файл: ${name}`,
  /** The server's refusals in the office's words (the contract speaks English). */
  serverMessages: {
    'the contact is at the last stage': 'Контакт уже на последнем этапе',
    'the contact is at the first stage': 'Контакт уже на первом этапе',
    'the name repeats': 'Этап с таким названием уже есть',
    'the end is before the start': 'Окончание раньше начала',
    'give either a segment or contacts': 'Выберите сегмент',
    'no such active user': 'Выберите сотрудника',
    'no such stage in this campaign': 'Такого этапа в кампании нет',
    'the campaign was changed by someone else; reload it':
      'Кампанию изменили на другом компьютере; откройте её снова',
  } as Record<string, string>,
  stageHasContacts: 'Этап, в котором есть контакты, удалить нельзя: сначала переместите их',
  /** A merge's line on the kept contact's timeline for each campaign the merged contact was in. */
  merged: (campaign: string, stage: string, from: 'kept' | 'merged', both: boolean) =>
    `Кампания «${campaign}»: этап «${stage}» — ` +
    (!both
      ? 'перешёл от дубля'
      : from === 'merged'
        ? 'у дубля этап был дальше по воронке, он и остался'
        : 'у этого контакта этап не ближе, чем у дубля, он и остался'),
};

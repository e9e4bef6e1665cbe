/** Наказы избирателей: the register, the card, the report «Выполнение наказов». */
import type { MandateLinkKind, MandateState } from '../../domain/mandates';

export const mandateStateLabels: Record<MandateState, string> = {
  accepted: 'Принят',
  in_work: 'В работе',
  done: 'Выполнен',
  partly_done: 'Выполнен частично',
  not_done: 'Не выполнен',
};

/** The buttons that move a наказ to each state. */
export const mandateMoveLabels: Record<MandateState, string> = {
  accepted: 'Принят',
  in_work: 'В работу',
  done: 'Выполнен',
  partly_done: 'Выполнен частично',
  not_done: 'Не выполнен',
};

export const mandateLinkLabels: Record<MandateLinkKind, string> = {
  contact: 'Избиратель',
  appeal: 'Обращение',
  request: 'Запрос по обращению',
  own_request: 'Депутатский запрос',
  event: 'Мероприятие',
};

/** The history's lines: the наказ's own actions and what its links did. */
export const mandateHistoryLabels: Record<string, string> = {
  create: 'Наказ принят',
  update: 'Изменены сведения',
  status: 'Изменён статус',
  link: 'Добавлена связь',
  unlink: 'Связь удалена',
  attach: 'Добавлен документ',
  appeal_registered: 'Зарегистрировано обращение',
  appeal_closed: 'Обращение рассмотрено',
  request_sent: 'Направлен запрос',
  request_answered: 'Получен ответ на запрос',
  event_held: 'Мероприятие',
};

export const mandatesUi = {
  title: 'Наказы избирателей',
  nav: 'Наказы',
  newMandate: 'Новый наказ',
  newShortcut: 'Alt+N',
  found: (n: number) => `Найдено: ${n}`,
  empty: 'Наказов нет.',
  noDistrict: 'Без района',
  noSettlement: 'Без населённого пункта',
  filters: {
    status: 'Статус',
    district: 'Район',
    year: 'Год исполнения',
    body: 'Ответственный орган',
    all: 'Все',
  },
  fields: {
    number: '№',
    text: 'Текст наказа',
    givers: 'Кто дал наказ (коллектив избирателей)',
    contacts: 'Избиратели из базы контактов',
    event: 'Мероприятие, на котором принят',
    district: 'Район',
    settlement: 'Населённый пункт',
    address: 'Адрес',
    topic: 'Вопрос классификатора',
    body: 'Ответственный орган',
    planYear: 'Планируемый год исполнения',
    budgetLine: 'Статья бюджета',
    givenOn: 'Дата наказа',
    status: 'Статус',
    reason: 'Причина',
    comment: 'Комментарий',
  },
  save: 'Сохранить',
  cancel: 'Отмена',
  create: 'Принять наказ',
  card: 'Карточка наказа',
  links: 'Связи',
  noLinks: 'Связей нет.',
  history: 'История',
  linkRequest: 'Связать с запросом',
  linkAppeal: 'Связать с обращением',
  linkEvent: 'Связать с мероприятием',
  requestPick: 'Запрос',
  link: 'Связать',
  unlink: 'Убрать связь',
  reasonNeeded: 'Укажите причину',
  report: 'Отчёт «Выполнение наказов»',
  reportDocx: 'DOCX',
  reportXlsx: 'XLSX',
  fromEvent: 'Записать наказ',
  eventMandates: 'Наказы избирателей',
  close: 'Закрыть',
  search: 'Поиск по тексту',
  searchPlaceholder: 'Слова наказа, адрес',
  files: 'Документы',
  noFiles: 'Документов нет.',
  attach: 'Прикрепить документ',
  download: (name: string) => `Скачать ${name}`,
  pickContact: 'Фамилия, имя или телефон избирателя',
  unpick: 'Убрать',
  noEvent: 'Не на мероприятии',
  pickEvent: 'Мероприятие',
  pickBody: 'Ответственный орган',
  noWords: 'Нет слов для поиска',
} as const;

/** The server's messages about наказы, in Russian (merged into `serverMessages`). */
export const mandateServerMessages: Record<string, string> = {
  'no words to search for': 'Нет слов для поиска',
  'no such наказ': 'Такого наказа нет',
};

/** The report «Выполнение наказов» for the deputy's report to voters. */
export const mandateReport = {
  title: 'Выполнение наказов избирателей',
  fileName: (suffix: string, ext: string) => `Выполнение наказов${suffix ? ` ${suffix}` : ''}.${ext}`,
  sheet: 'Наказы',
  summarySheet: 'Итоги',
  year: (y: number) => `план на ${y} год`,
  allYears: 'все годы',
  district: (d: string) => `район: ${d}`,
  asOf: (d: string) => `по состоянию на ${d}`,
  summary: 'Итоги по территориям',
  territory: 'Территория',
  total: 'Всего',
  allTerritories: 'Итого',
  list: 'Перечень наказов',
  heads: {
    number: '№',
    text: 'Наказ',
    givers: 'Кем дан',
    body: 'Ответственный орган',
    year: 'Год',
    status: 'Исполнение',
  },
  empty: 'Наказов по выбранным условиям нет.',
} as const;

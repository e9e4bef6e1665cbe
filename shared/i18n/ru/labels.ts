/**
 * Russian names of the contract's values (channels, kinds, statuses, roles, …). Typed by the contract's
 * unions, so a value added to the contract without a name here does not compile.
 */
import type { AppealKind, AppealStatus, Art11Warning, Channel } from '../../api/appeals';
import type { ErrorCode, Role } from '../../api/define';

type AppealResult =
  | 'supported'
  | 'supported_measures_taken'
  | 'not_supported'
  | 'explained'
  | 'forwarded'
  | 'left_without_answer';

export const channelLabels: Record<Channel, string> = {
  post: 'Почта',
  email: 'Электронная почта',
  web: 'Интернет-приёмная',
  reception: 'Личный приём',
  phone: 'Телефон',
  hand: 'Нарочным',
  forwarded: 'Из другого органа',
  other: 'Иное',
};

export const kindLabels: Record<AppealKind, string> = {
  proposal: 'Предложение',
  application: 'Заявление',
  complaint: 'Жалоба',
  migration_report: 'О нарушении миграционного законодательства',
  other: 'Иное',
};

export const statusLabels: Record<AppealStatus, string> = {
  registered: 'Зарегистрировано',
  awaiting_contact_data: 'Ждёт контактных данных',
  awaiting_resolution: 'На резолюции',
  in_request: 'Запрос',
  in_reply: 'Ответ заявителю',
  closed: 'Закрыто',
};

export const resultLabels: Record<AppealResult, string> = {
  supported: 'Поддержано',
  supported_measures_taken: 'Поддержано, меры приняты',
  not_supported: 'Не поддержано',
  explained: 'Разъяснено',
  forwarded: 'Направлено по компетенции',
  left_without_answer: 'Оставлено без ответа',
};

export const roleLabels: Record<Role, string> = {
  assistant: 'Помощник',
  deputy: 'Депутат',
  office_head: 'Руководитель приёмной',
  hq_analyst: 'Аналитик аппарата',
  admin: 'Администратор',
};

export const errorCodeLabels: Record<ErrorCode | 'network', string> = {
  validation: 'Проверьте введённые данные',
  unauthenticated: 'Нужно войти заново',
  forbidden: 'Недостаточно прав для этого действия',
  not_found: 'Не найдено',
  conflict: 'Конфликт с сохранёнными данными',
  invalid_state: 'Сейчас это действие невозможно',
  locked: 'Вход временно заблокирован',
  applicant_match: 'Заявитель, возможно, уже есть в контактах',
  unknown_method: 'Приложение не знает такой операции',
  internal: 'Внутренняя ошибка приложения',
  network: 'Нет связи с сервером приложения',
};

export const art11Labels: Record<Art11Warning, string> = {
  no_surname: 'Не указана фамилия заявителя — ответ по существу не даётся (ч. 1 ст. 11 59-ФЗ)',
  no_reply_address:
    'Нет адреса для ответа (почтового, а для электронного обращения — e-mail) — ответ не даётся (ч. 1 ст. 11 59-ФЗ)',
};

export const matchedByLabels: Record<'phone' | 'email' | 'name_address' | 'name', string> = {
  phone: 'совпал телефон',
  email: 'совпал e-mail',
  name_address: 'совпали ФИО и адрес',
  name: 'похожая фамилия',
};

export const taskStatusLabels: Record<'open' | 'done' | 'cancelled', string> = {
  open: 'открыта',
  done: 'выполнена',
  cancelled: 'отменена',
};

export const deadlineShiftLabels: Record<'previous' | 'next', string> = {
  previous: 'на предыдущий рабочий день',
  next: 'на следующий рабочий день',
};

/** What a history entry's `action` was; an action not named here is shown as it is stored. */
export const historyActionLabels: Record<string, string> = {
  registered: 'Зарегистрировано',
  updated: 'Изменена карточка',
};

/** Names of the card's fields, as history diffs and server errors name them. */
export const fieldLabels: Record<string, string> = {
  registeredOn: 'Дата регистрации',
  receivedOn: 'Дата поступления',
  channel: 'Канал поступления',
  kind: 'Вид обращения',
  isRepeat: 'Повторное',
  isCollective: 'Коллективное',
  signatories: 'Число подписавших',
  isAnonymous: 'Анонимное',
  sheets: 'Листов',
  attachmentsNote: 'Приложения',
  topics: 'Темы (коды классификатора)',
  summary: 'Краткое содержание',
  text: 'Текст обращения',
  responsibleId: 'Ответственный',
  executorId: 'Исполнитель',
  onControl: 'На контроле',
  forwardedFrom: 'Поступило из органа',
  caseFile: 'Номер дела',
  dueDate: 'Срок (контрольная дата)',
  termDate: '30-й день по закону',
  status: 'Статус',
  result: 'Результат',
  'applicant.phone': 'Телефон',
  'applicant.lastName': 'Фамилия',
  'applicant.firstName': 'Имя',
  'applicant.middleName': 'Отчество',
  'applicant.address': 'Почтовый адрес',
  'applicant.email': 'E-mail',
};

/** Russian time zones, west to east; the id is the IANA name the office stores. */
export const timeZones: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'Europe/Kaliningrad', label: 'Калининград (МСК−1, UTC+2)' },
  { id: 'Europe/Moscow', label: 'Москва (МСК, UTC+3)' },
  { id: 'Europe/Kirov', label: 'Киров (МСК, UTC+3)' },
  { id: 'Europe/Volgograd', label: 'Волгоград (МСК, UTC+3)' },
  { id: 'Europe/Simferopol', label: 'Симферополь (МСК, UTC+3)' },
  { id: 'Europe/Samara', label: 'Самара (МСК+1, UTC+4)' },
  { id: 'Europe/Astrakhan', label: 'Астрахань (МСК+1, UTC+4)' },
  { id: 'Europe/Saratov', label: 'Саратов (МСК+1, UTC+4)' },
  { id: 'Europe/Ulyanovsk', label: 'Ульяновск (МСК+1, UTC+4)' },
  { id: 'Asia/Yekaterinburg', label: 'Екатеринбург (МСК+2, UTC+5)' },
  { id: 'Asia/Omsk', label: 'Омск (МСК+3, UTC+6)' },
  { id: 'Asia/Novosibirsk', label: 'Новосибирск (МСК+4, UTC+7)' },
  { id: 'Asia/Barnaul', label: 'Барнаул (МСК+4, UTC+7)' },
  { id: 'Asia/Tomsk', label: 'Томск (МСК+4, UTC+7)' },
  { id: 'Asia/Novokuznetsk', label: 'Новокузнецк (МСК+4, UTC+7)' },
  { id: 'Asia/Krasnoyarsk', label: 'Красноярск (МСК+4, UTC+7)' },
  { id: 'Asia/Irkutsk', label: 'Иркутск (МСК+5, UTC+8)' },
  { id: 'Asia/Chita', label: 'Чита (МСК+6, UTC+9)' },
  { id: 'Asia/Yakutsk', label: 'Якутск (МСК+6, UTC+9)' },
  { id: 'Asia/Khandyga', label: 'Хандыга (МСК+6, UTC+9)' },
  { id: 'Asia/Vladivostok', label: 'Владивосток (МСК+7, UTC+10)' },
  { id: 'Asia/Ust-Nera', label: 'Усть-Нера (МСК+7, UTC+10)' },
  { id: 'Asia/Magadan', label: 'Магадан (МСК+8, UTC+11)' },
  { id: 'Asia/Sakhalin', label: 'Сахалин (МСК+8, UTC+11)' },
  { id: 'Asia/Srednekolymsk', label: 'Среднеколымск (МСК+8, UTC+11)' },
  { id: 'Asia/Kamchatka', label: 'Камчатка (МСК+9, UTC+12)' },
  { id: 'Asia/Anadyr', label: 'Анадырь (МСК+9, UTC+12)' },
];

/**
 * The server's validation messages (the contract's zod messages and the services' own), in Russian. Matched
 * after the leading "field: " is cut off; a message not found here is shown as it came.
 */
export const serverMessages: Record<string, string> = {
  required: 'Обязательное поле',
  'expected a date YYYY-MM-DD': 'Неверная дата',
  'expected an ISO 8601 instant': 'Неверные дата и время',
  'expected an id (UUID)': 'Неверная ссылка на запись',
  'not an e-mail address': 'Это не адрес электронной почты',
  'not a phone number': 'Это не номер телефона',
  'an appeal cannot be received after it is registered': 'Дата поступления не может быть позже регистрации',
  'no such active user': 'Такого действующего сотрудника нет',
  'no such contact': 'Такого контакта нет',
  'no such appeal': 'Такого обращения нет',
  'at least 8 characters': 'Не короче 8 символов',
  '2–10 capital letters or digits': '2–10 заглавных букв или цифр',
  '2–40 latin letters, digits, dot, dash or underscore': '2–40 латинских букв, цифр, точек, дефисов или _',
  'unknown time zone': 'Неизвестный часовой пояс',
  'the format must contain N… for the sequence number': 'Формат должен содержать N… для порядкового номера',
  'expected a classifier code like 0005.0005.0056.1149': 'Код классификатора вида 0005.0005.0056.1149',
  'expected a classifier code or its prefix': 'Код классификатора или его начало, например 0005.0005',
  'nothing to search for': 'Нечего искать: введите слово или номер',
  'wrong login or password': 'Неверный логин или пароль',
  'sign in first': 'Войдите в приложение',
  'the appeal was changed by someone else; reload it':
    'Карточку уже изменил другой сотрудник. Обновите её — ваши правки не сохранены.',
  'a closed appeal cannot be reassigned': 'Закрытое обращение нельзя передать другому ответственному',
  'an administrator cannot lock themselves out': 'Администратор не может лишить себя доступа',
  'the office is already set up': 'Приёмная уже настроена',
  'the database is busy; try again': 'База данных занята, попробуйте ещё раз',
  'cursor: not a cursor this registry issued': 'Список устарел, обновите его',
  'source is required: the decree or the basis of the data':
    'Укажите источник: постановление Правительства или иное основание',
  'no such user': 'Такого сотрудника нет',
};

/** The production calendar's day-list messages name the list and the index first: `nonWorkingDays[3]: …`. */
const CAL_DAY = String.raw`^\w+\[\d+\]: (\d{4})-(\d{2})-(\d{2}) `;
const calDay = (m: RegExpMatchArray): string => `${m[3]}.${m[2]}.${m[1]}`;

/** zod's own messages carry numbers, so they are matched by pattern. */
export const serverMessagePatterns: ReadonlyArray<{
  re: RegExp;
  text: (m: RegExpMatchArray) => string;
}> = [
  { re: /^Too big: expected string to have <=(\d+) characters$/, text: (m) => `Не длиннее ${m[1]} символов` },
  {
    re: /^Too small: expected string to have >=(\d+) characters$/,
    text: (m) => `Не короче ${m[1]} символов`,
  },
  { re: /^Too big: expected number to be <=(\d+)$/, text: (m) => `Не больше ${m[1]}` },
  { re: /^Too small: expected number to be >=(\d+)$/, text: (m) => `Не меньше ${m[1]}` },
  { re: /^Too big: expected array to have <=(\d+) items$/, text: (m) => `Не больше ${m[1]}` },
  { re: /^login (.+) is taken$/, text: (m) => `Логин ${m[1]} уже занят` },
  {
    re: new RegExp(`${CAL_DAY}is a Saturday or Sunday`),
    text: (m) => `${calDay(m)} — суббота или воскресенье, а нерабочими отмечаются только будни`,
  },
  { re: new RegExp(`${CAL_DAY}is not a Saturday or Sunday`), text: (m) => `${calDay(m)} — не выходной` },
  {
    re: new RegExp(`${CAL_DAY}is also a non-working day`),
    text: (m) => `${calDay(m)} указан и как нерабочий`,
  },
  {
    re: new RegExp(`${CAL_DAY}is not a working day`),
    text: (m) => `${calDay(m)} — нерабочий, его нельзя сократить`,
  },
  { re: new RegExp(`${CAL_DAY}is listed twice`), text: (m) => `${calDay(m)} указан дважды` },
  { re: new RegExp(`${CAL_DAY}is not in (\\d{4})`), text: (m) => `${calDay(m)} — не из ${m[4]} года` },
  { re: /^Invalid option/, text: () => 'Выберите значение из списка' },
  { re: /^Invalid input/, text: () => 'Неверное значение' },
];

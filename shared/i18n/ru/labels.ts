/**
 * Russian names of the contract's values (channels, kinds, statuses, roles, …). Typed by the contract's
 * unions, so a value added to the contract without a name here does not compile.
 */
import type { AppealKind, AppealStatus, Art11Warning, Channel } from '../../api/appeals';
import type { ErrorCode, Role } from '../../api/define';
import type { Direction } from '../../domain/workflow/appeal';
import type { Art11Ground } from '../../domain/workflow/art11';
import type { RequestKind, RequestState } from '../../domain/workflow/request';

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
  art11_decision: 'Решение по ст. 11',
  art11_notice: 'Уведомление по ст. 11',
  forwarding: 'Переадресация',
  awaiting_resolution: 'На резолюции',
  in_request: 'Запрос',
  reply_draft: 'Подготовка ответа',
  reply_approval: 'Ответ на согласовании',
  reply_send: 'Отправка ответа',
  closed: 'Закрыто',
};

/** The three directions of an appeal's way through the office (the seed's processes). */
export const directionLabels: Record<Direction, string> = {
  review: 'Рассмотрение',
  request: 'Запрос',
  reply: 'Ответ заявителю',
};

/** 59-FZ Art. 11: the part as documents cite it and what it means in a few words. */
export const art11GroundLabels: Record<Art11Ground, string> = {
  p1: 'ч. 1 — нет фамилии или адреса для ответа',
  p2: 'ч. 2 — обжалуется судебное решение',
  p3: 'ч. 3 — нецензурные или оскорбительные выражения, угрозы',
  p4: 'ч. 4 — текст не поддаётся прочтению',
  p4_1: 'ч. 4.1 — невозможно понять суть обращения',
  p5: 'ч. 5 — вопрос уже неоднократно разрешён по существу',
  p5_1: 'ч. 5.1 — ответ опубликован на официальном сайте',
  p6: 'ч. 6 — ответ раскрыл бы охраняемую законом тайну',
};

export const requestKindLabels: Record<RequestKind, string> = {
  deputy_request: 'Депутатский запрос (ст. 14 3-ФЗ)',
  documents_request: 'Запрос документов (ст. 10 59-ФЗ)',
};

export const requestStateLabels: Record<RequestState, string> = {
  draft: 'Черновик',
  approval: 'На согласовании',
  approved: 'Согласован, к отправке',
  sent: 'Отправлен, ждёт ответа',
  answered: 'Получен ответ',
  resolved: 'Ответ рассмотрен',
  cancelled: 'Отозван',
};

/** How a letter went to the applicant. */
export const sendFormLabels: Record<'post' | 'email' | 'in_person', string> = {
  post: 'Почтой',
  email: 'По электронной почте',
  in_person: 'Лично',
};

/** What the deputy's queue waits for. */
export const waitingForLabels: Record<
  'resolution' | 'art11_decision' | 'reply_approval' | 'request_approval' | 'answer_resolution',
  string
> = {
  resolution: 'Резолюция по обращению',
  art11_decision: 'Решение по ч. 5 ст. 11',
  reply_approval: 'Согласование ответа',
  request_approval: 'Согласование запроса',
  answer_resolution: 'Резолюция по ответу на запрос',
};

/** What a resolution decided; a decision not named here is shown as it is stored. */
export const decisionLabels: Record<string, string> = {
  request: 'Нужен запрос',
  reply: 'Ответ заявителю',
  end_correspondence: 'Переписка прекращена (ч. 5 ст. 11)',
  review: 'Возвращено на рассмотрение по существу',
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
  sendToDeputy: 'Передано депутату на резолюцию',
  requestContactData: 'Запрошены контактные данные заявителя',
  contactDataReceived: 'Получены контактные данные заявителя',
  applyArt11: 'Применена ст. 11 59-ФЗ',
  decideArt11: 'Решение депутата по ч. 5 ст. 11',
  sendArt11Notice: 'Заявителю отправлено уведомление по ст. 11',
  forward: 'Решено переадресовать по компетенции',
  completeForward: 'Переадресовано, заявитель уведомлён',
  resolve: 'Резолюция депутата',
  submitReply: 'Ответ передан на согласование',
  approveReply: 'Ответ согласован депутатом',
  returnReply: 'Ответ возвращён на доработку',
  sendReply: 'Ответ отправлен заявителю',
  answerToReply: 'По ответу на запрос — ответ заявителю',
  requestsWithdrawn: 'Запросы отозваны — снова на резолюцию',
  replySaved: 'Сохранён черновик ответа',
  extended: 'Срок рассмотрения продлён',
  extensionNotified: 'Заявитель уведомлён о продлении срока',
  'request.create': 'Создан запрос',
  'request.update': 'Изменён черновик запроса',
  'request.submit': 'Запрос передан на согласование',
  'request.approve': 'Запрос согласован депутатом',
  'request.return': 'Запрос возвращён на доработку',
  'request.send': 'Запрос отправлен',
  'request.recordAnswer': 'Получен ответ на запрос',
  'request.resolveAnswer': 'Резолюция по ответу на запрос',
  'request.cancel': 'Запрос отозван',
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
  // The workflow's changes, as the timeline names them.
  request: 'Запрос №',
  requestStatus: 'Состояние запроса',
  art11_ground: 'Основание по ст. 11',
  art11_linked: 'Связанные обращения',
  closed_on: 'Дата закрытия',
  reviewed_late: 'Рассмотрено с нарушением срока',
  complained_body: 'Обжалуются действия',
  forward_addressee: 'Переадресовано в',
  forward_number: 'Исх. номер переадресации',
  forward_sent_on: 'Дата переадресации',
  forward_notified_on: 'Дата уведомления заявителя',
  notice_sent_on: 'Дата уведомления',
  notice_form: 'Способ уведомления',
  notice_number: 'Исх. номер уведомления',
  reply_text: 'Текст ответа',
  reply_approved_by: 'Ответ согласовал',
  reply_approved_on: 'Дата согласования ответа',
  reply_form: 'Способ отправки ответа',
  reply_sent_on: 'Дата отправки ответа',
  reply_number: 'Исх. номер ответа',
  reply_signatory: 'Подписал',
  body_id: 'Адресат запроса',
  approved_by: 'Согласовал',
  approved_on: 'Дата согласования',
  sent_on: 'Дата отправки',
  outgoing_number: 'Исходящий номер',
  due_date: 'Ответ до',
  answered_on: 'Дата ответа',
  answer_number: 'Входящий номер ответа',
  answer_summary: 'Содержание ответа',
  next_step: 'Решение по ответу',
  'request.text': 'Текст запроса',
  'request.kind': 'Вид запроса',
  // The workflow's inputs, as server errors name them.
  comment: 'Комментарий',
  ground: 'Основание',
  linkedAppealIds: 'Связанные обращения',
  addressee: 'Адресат',
  complainedBody: 'Обжалуемый орган',
  outgoingNumber: 'Исходящий номер',
  incomingNumber: 'Входящий номер',
  sentOn: 'Дата отправки',
  answeredOn: 'Дата ответа',
  applicantNotifiedOn: 'Дата уведомления заявителя',
  notifiedOn: 'Дата уведомления',
  resolvedOn: 'Дата резолюции',
  signatory: 'Подписал',
  bodyId: 'Адресат запроса',
  reason: 'Обоснование',
  days: 'Дней',
  assigneeId: 'Исполнитель',
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
  'the date is in the future': 'Дата не может быть позже сегодняшней',
  'a closed appeal cannot be extended': 'Срок закрытого обращения продлить нельзя',
  'the term has already been extended once': 'Срок уже продлевался',
  'a complaint cannot be forwarded to the body it complains of':
    'Жалобу нельзя направить в орган, действия которого обжалуются (ч. 6 ст. 8 59-ФЗ)',
  'the answer cannot come before the request was sent': 'Ответ не может прийти раньше отправки запроса',
  'only part 5 links earlier answers': 'Связывать обращения нужно только по ч. 5',
  'part 5 needs the earlier answered appeals': 'Отметьте ранее рассмотренные обращения заявителя',
  'a reply on the merits has a result on the merits': 'Выберите результат рассмотрения по существу',
  'write the reply before passing it on': 'Сначала подготовьте текст ответа',
  'write the request first': 'Сначала подготовьте текст запроса',
  'choose the addressee first': 'Сначала выберите адресата запроса',
  'the reply can be edited only while it is a draft': 'Ответ можно править, только пока он черновик',
  'no extension notice is owed': 'Уведомлять о продлении не нужно',
  'no such body': 'Такого органа нет в справочнике',
  'no such request': 'Такого запроса нет',
  'no such open task': 'Такой открытой задачи нет',
  'this body is already in the directory': 'Этот орган уже есть в справочнике',
  'other requests on this appeal are still open': 'По обращению есть другие открытые запросы',
  'only a documents request extends the term (Art. 12 p.2)':
    'Срок продлевает только запрос документов (ч. 2 ст. 12 59-ФЗ)',
  'only an office head sees everyone’s tasks': 'Задачи всех сотрудников видит только руководитель приёмной',
};

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
  // The workflow's table refuses a step that is not open now (another person took it first).
  {
    re: /^(?:request )?\w+ is not possible in state \w+$/,
    text: () => 'Этот шаг уже сделан или сейчас невозможен. Обновите карточку.',
  },
  { re: /^the role \w+ may not/, text: () => 'Этот шаг делает другой участник' },
  { re: /^Invalid option/, text: () => 'Выберите значение из списка' },
  { re: /^Invalid input/, text: () => 'Неверное значение' },
];

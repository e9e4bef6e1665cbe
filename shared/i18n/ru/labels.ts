/**
 * Russian names of the contract's values (channels, kinds, statuses, roles, …). Typed by the contract's
 * unions, so a value added to the contract without a name here does not compile.
 */
import type { AppealKind, AppealStatus, Art11Warning, Channel } from '../../api/appeals';
import type { ErrorCode, Role } from '../../api/define';
import type { Direction } from '../../domain/workflow/appeal';
import type { Art11Ground } from '../../domain/workflow/art11';
import type { RequestKind, RequestState } from '../../domain/workflow/request';
import { oralAnswerFieldLabels } from './oral-answer';

type AppealResult =
  | 'supported'
  | 'supported_measures_taken'
  | 'not_supported'
  | 'explained'
  | 'answered'
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
export const sendFormLabels: Record<'post' | 'email' | 'in_person' | 'oral', string> = {
  post: 'Почтой',
  email: 'По электронной почте',
  in_person: 'Лично',
  oral: 'Устно на личном приёме',
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
  answered: 'Дан ответ',
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
  answerOrally: 'Ответ дан устно на личном приёме, с согласия заявителя',
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
  attachmentAdded: 'Прикреплён файл',
  mail_linked: 'Получено письмо по обращению',
  mailQueued: 'Письмо поставлено в очередь на отправку по e-mail',
  mailSent: 'Письмо отправлено по e-mail',
  sync_conflict:
    'Расхождение при синхронизации: сохранено более позднее значение, прежнее — в «Синхронизации»',
  number_clash:
    'Этот регистрационный номер на другом компьютере приёмной выдан и более раннему обращению: оба обращения сохранены, этому присвоен номер с дробью',
  number_clash_kept:
    'Этот регистрационный номер на другом компьютере приёмной выдан и более позднему обращению: оба обращения сохранены, номер этого не изменился, позднее получило номер',
};

/** Names of the card's fields, as history diffs and server errors name them. */
export const fieldLabels: Record<string, string> = {
  regNumber: 'Регистрационный номер',
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
  topics: 'Вопросы по классификатору',
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
  art11_published_url: 'Адрес опубликованного ответа',
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
  oral_consent: 'Заявитель согласен на устный ответ',
  ...oralAnswerFieldLabels,
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

export { serverMessages, serverMessagePatterns } from './server-messages';

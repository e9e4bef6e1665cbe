import type { IntakeProblem, IntakeState, MailFailure } from '../../api/mail-intake';

/** Why a mailbox could not be read, in plain words (the connection check and the mailbox's last error). */
export const mailFailureText: Record<MailFailure, string> = {
  auth: 'Неверный логин или пароль: почтовый сервер не принял вход.',
  certificate:
    'Сертификат сервера не подтверждён: он самоподписанный, просрочен или выдан на другое имя. Проверьте адрес сервера.',
  tls: 'Не удалось установить защищённое соединение: проверьте порт и вид защиты (SSL/TLS или STARTTLS).',
  no_route: 'Сервер не найден или недоступен: проверьте адрес сервера и подключение к интернету.',
  refused: 'Сервер отклонил подключение: проверьте порт.',
  timeout: 'Сервер не ответил вовремя: проверьте адрес, порт и подключение к интернету.',
  folder: 'В ящике нет такой папки.',
  password_unreadable: 'Сохранённый пароль не открывается на этом компьютере: введите пароль заново.',
  protocol: 'Сервер ответил не по протоколу IMAP: проверьте адрес и порт.',
};

export const mailCheckOk = (folder: string, messages: number): string =>
  `Подключение работает: в папке «${folder}» писем — ${messages}.`;

export const intakeStateText: Record<IntakeState, string> = {
  new: 'Новое',
  registered: 'Зарегистрировано',
  not_appeal: 'Не обращение',
  linked: 'Привязано к обращению',
};

export const intakeProblemText: Record<IntakeProblem, string> = {
  too_large: 'Письмо больше допустимого размера: оно не загружено, откройте его в почтовой программе.',
  malformed: 'Письмо повреждено: разобрать его не удалось, показан исходный текст.',
  no_from: 'В письме нет отправителя (From).',
};

export const notAppealReasonText: Record<string, string> = {
  spam: 'Спам',
  newsletter: 'Рассылка',
  thread: 'Ответ в переписке',
  other: 'Другое',
};

/** The appeal's timeline: a reply that came by e-mail, linked by the registration number in its subject. */
export const mailLinkedHistory = (from: string, subject: string): string => `Письмо от ${from}: «${subject}»`;

export const mailIntakeUi = {
  recordAnswer: 'Записать как ответ на запрос',
  answerNumber: 'Входящий номер ответа органа',
  answerSummary: 'Содержание ответа',
  answerRecorded: (n: number) =>
    n > 0 ? `Ответ записан, файлов приложено к запросу: ${n}` : 'Ответ записан',
  nav: 'Входящие',
  title: 'Входящие',
  fetchNow: 'Проверить почту',
  fetching: 'Проверка почты…',
  fetched: (n: number) => `Новых писем: ${n}`,
  empty: 'Писем нет.',
  noMailboxes: 'Почтовые ящики не настроены: Настройки → Почтовые ящики.',
  all: 'Все',
  from: 'От кого',
  subject: 'Тема',
  date: 'Дата',
  files: 'Файлы',
  state: 'Состояние',
  noSubject: '(без темы)',
  unknownSender: '(отправитель не указан)',
  autoReply: 'Автоответ',
  bounce: 'Отчёт о недоставке',
  bounceOf: (recipient: string) => `Не доставлено: ${recipient}`,
  attachments: 'Вложения',
  notAttachable: 'этот тип файла к обращению не прикладывается',
  register: 'Зарегистрировать обращение',
  registerKey: 'Enter — зарегистрировать',
  dismiss: 'Не обращение',
  dismissReason: 'Причина',
  dismissNote: 'Пояснение',
  dismissConfirm: 'Отметить',
  cancel: 'Отмена',
  openAppeal: (reg: string) => `Открыть обращение ${reg}`,
  registeredAs: (reg: string) => `Зарегистрировано: ${reg}`,
  linkedTo: (reg: string) => `Привязано к обращению ${reg}`,
  pick: 'Выберите письмо слева (↑/↓).',
  keys: '↑/↓ — письма, Enter — зарегистрировать, N — не обращение, F5 — проверить почту',
  prefillFrom: (subject: string) => `Регистрация из письма «${subject}»`,
  filesCarried: (n: number) => `файлы письма будут приложены: ${n}`,
  received: 'Получено',
  sent: 'Отправлено',
  body: 'Текст письма',
  noBody: '(текст письма пуст)',
  listLabel: 'Письма',
  dismissed: (reason: string) => `Не обращение: ${reason}`,
};

export const mailboxesUi = {
  title: 'Почтовые ящики',
  intro:
    'Письма из этих ящиков попадают во «Входящие». Пароль хранится в зашифрованном виде; ' +
    'письма из ящика не удаляются, если это не включено.',
  empty: 'Ящиков нет.',
  add: 'Добавить ящик',
  edit: 'Изменить',
  remove: 'Удалить',
  removeConfirm: (name: string) =>
    `Больше не получать письма из ящика «${name}»? Полученные письма останутся.`,
  save: 'Сохранить',
  cancel: 'Отмена',
  check: 'Проверить подключение',
  checking: 'Проверка…',
  name: 'Название',
  host: 'Сервер IMAP',
  port: 'Порт',
  security: 'Защита',
  securityText: { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'без шифрования' },
  login: 'Логин',
  password: 'Пароль',
  passwordKept: 'оставьте пустым, чтобы не менять',
  folder: 'Папка',
  deleteAfterTake: 'Удалять письма из ящика после получения',
  active: 'Получать письма',
  lastCheck: (at: string) => `Последняя проверка: ${at}`,
  taken: (n: number) => `получено писем: ${n}`,
  settings: 'Получение',
  interval: 'Проверять почту каждые, мин (0 — только вручную)',
  maxSize: 'Наибольший размер письма, МБ',
  saveSettings: 'Сохранить',
  saved: 'Сохранено',
};

import type { MailKind } from '../../api/mail-outbox';

/**
 * E-mail out: the shipped subject and body of each letter a card sends, the unsubscribe line of a
 * mailing, the plain-words reasons a send failed, and the screens' words.
 */

/** The fields a card's letter fills: {{номер}} is the outgoing number, {{обращение_номер}} the registration's. */
export const MAIL_TEMPLATES: Record<MailKind, { subject: string; body: string }> = {
  reply: {
    subject: 'Ответ на обращение № {{обращение_номер}} от {{обращение_дата}}{{исх}}',
    body:
      'Уважаемый(ая) {{заявитель}}!\n\n' +
      'Направляем ответ на Ваше обращение № {{обращение_номер}} от {{обращение_дата}}. ' +
      'Письмо приложено к этому сообщению.\n\n' +
      'С уважением,\n{{отправитель}}',
  },
  art11_notice: {
    subject: 'Уведомление по обращению № {{обращение_номер}} от {{обращение_дата}}{{исх}}',
    body:
      'Уважаемый(ая) {{заявитель}}!\n\n' +
      'Направляем уведомление по Вашему обращению № {{обращение_номер}} от {{обращение_дата}}. ' +
      'Письмо приложено к этому сообщению.\n\n' +
      'С уважением,\n{{отправитель}}',
  },
  extension_notice: {
    subject: 'О продлении срока рассмотрения обращения № {{обращение_номер}}{{исх}}',
    body:
      'Уважаемый(ая) {{заявитель}}!\n\n' +
      'Срок рассмотрения Вашего обращения № {{обращение_номер}} от {{обращение_дата}} продлён до {{срок}}.\n\n' +
      'С уважением,\n{{отправитель}}',
  },
  request: {
    subject: 'Запрос{{исх}} по обращению № {{обращение_номер}}',
    body:
      'Направляем запрос по обращению гражданина № {{обращение_номер}} от {{обращение_дата}}. ' +
      'Письмо приложено к этому сообщению.\n\n' +
      'Просим направить ответ на этот адрес.\n\n{{отправитель}}',
  },
};

export const mailText = {
  /** The outgoing number as the subject carries it. */
  outgoing: (n: string | null): string => (n ? `, исх. № ${n}` : ''),
  /** The line every mailing message ends with (38-FZ Art. 18: a way to refuse further messages). */
  unsubscribeLine: (address: string, token: string): string =>
    `\n\n—\nЧтобы отписаться от рассылки, ответьте на это письмо словом «отписаться» ` +
    `или напишите на ${address} с темой «unsubscribe ${token}».`,
  history: {
    queued: (to: string): string => `Письмо поставлено в очередь на отправку по e-mail: ${to}`,
    sent: (to: string, messageId: string): string => `Отправлено по e-mail: ${to}, Message-ID ${messageId}`,
  },
  /** Why a send or a check failed, in plain words. */
  errors: {
    auth: 'Сервер отклонил логин или пароль. Проверьте их в настройках отправки почты.',
    noRoute: 'Не удалось связаться с сервером: проверьте адрес сервера, порт и подключение к сети.',
    dns: 'Сервер с таким адресом не найден: проверьте адрес сервера.',
    refused: 'Сервер не принимает подключения на этом порту: проверьте порт и защиту соединения.',
    timeout: 'Сервер не ответил вовремя. Попробуем ещё раз позже.',
    tls: 'Не удалось установить защищённое соединение: проверьте настройку TLS/STARTTLS и сертификат сервера.',
    certificate: 'Сертификат сервера не подтверждён: он просрочен, самоподписан или выдан другому имени.',
    recipient: 'Сервер не принял адрес получателя: проверьте адрес.',
    rejected: (text: string): string => `Сервер отказался принять письмо: ${text}`,
    noAccount: 'Учётная запись для отправки почты не настроена (Настройки → Отправка почты).',
    secret: 'Сохранённый пароль не открывается на этом компьютере: введите его заново в настройках.',
    attachmentMissing: (name: string): string => `Файл вложения «${name}» не найден на этом компьютере.`,
    other: (text: string): string => `Письмо не отправлено: ${text}`,
  },
  checkOk: 'Соединение установлено, сервер принимает вход.',
  /** Why the card cannot send a letter: shown under the field. */
  refusals: {
    noRequest: 'у обращения нет запроса',
    otherRequest: 'запрос относится к другому обращению',
    signatory: 'укажите, кто подписал ответ',
    result: 'укажите результат рассмотрения',
    requestNumber: 'запрос отправляется с исходящим номером',
    attachment: 'такого файла нет среди файлов обращения',
    noAddress: 'у адресата нет адреса e-mail — введите его',
  },
};

/** The screens' words: Settings → Отправка почты and the card's «Отправить по e-mail». */
export const mailUi = {
  settingsTitle: 'Отправка почты',
  settingsIntro:
    'Учётная запись SMTP, с которой уходят ответы, уведомления, запросы и рассылки. ' +
    'Пароль хранится в зашифрованном виде и не показывается.',
  host: 'Сервер SMTP',
  port: 'Порт',
  security: 'Защита соединения',
  securityLabels: {
    tls: 'TLS (обычно порт 465)',
    starttls: 'STARTTLS (обычно порт 587)',
    none: 'Без шифрования (только внутренняя сеть)',
  } as Record<'tls' | 'starttls' | 'none', string>,
  login: 'Логин',
  password: 'Пароль',
  passwordKept: 'Пароль сохранён. Оставьте поле пустым, чтобы не менять его.',
  fromName: 'Имя отправителя',
  fromAddress: 'Адрес отправителя',
  rate: 'Писем в минуту при рассылке',
  rateHint: '0 — без ограничения. Многие почтовые службы ограничивают число писем в минуту.',
  save: 'Сохранить',
  saved: 'Настройки отправки почты сохранены.',
  check: 'Проверить соединение',
  checking: 'Проверяем…',
  notSet: 'Учётная запись ещё не настроена.',
  // The card.
  sendButton: 'Отправить по e-mail',
  dialogTitle: 'Отправить по e-mail',
  send: 'Отправить',
  kind: 'Что отправить',
  kindLabels: {
    reply: 'Ответ на обращение',
    art11_notice: 'Уведомление (ст. 11 59-ФЗ)',
    extension_notice: 'Уведомление о продлении срока',
    request: 'Запрос в орган',
  } as Record<MailKind, string>,
  to: 'Кому (e-mail)',
  subject: 'Тема',
  body: 'Текст письма',
  outgoingNumber: 'Исходящий номер',
  signatory: 'Подписал',
  result: 'Результат рассмотрения',
  attachLetter: (name: string): string => `Приложить письмо (DOCX${name ? `: ${name}` : ''})`,
  sent: (to: string): string => `Письмо отправлено: ${to}.`,
  queued: (why: string | null): string =>
    `Письмо не отправлено и ждёт в очереди, повторим автоматически.${why ? ` Причина: ${why}` : ''}`,
  outboxTitle: 'Письма по e-mail',
  statusLabels: { queued: 'в очереди', sent: 'отправлено', cancelled: 'отменено' } as Record<
    'queued' | 'sent' | 'cancelled',
    string
  >,
  retry: 'Повторить сейчас',
  cancel: 'Не отправлять',
  nextAttempt: (at: string): string => `следующая попытка ${at}`,
  templatesTitle: 'Тексты писем по e-mail',
  templatesIntro:
    'Тема и текст каждого письма, отправляемого из карточки. Поля: {{обращение_номер}}, {{обращение_дата}}, ' +
    '{{заявитель}}, {{номер}} (исходящий), {{исх}} («, исх. № …»), {{срок}}, {{отправитель}}. ' +
    'Пустые тема и текст — вернуть исходный текст.',
  templateKind: 'Письмо',
  templateSaved: 'Текст письма сохранён.',
  templateOwn: 'текст приёмной',
  templateShipped: 'исходный текст',
  saveTemplate: 'Сохранить текст',
};

/** The command line's words: `mail-send` and `mailing-run`. */
export const mailCli = {
  idArg: '<id рассылки>',
  outboxPass: (sent: number, failed: number): string =>
    `Отправлено писем: ${sent}; не отправлено (остались в очереди): ${failed}.`,
  notRunning: (status: string): string =>
    `Рассылка не запущена (состояние: ${status}). Запустите её: call mailings.start '{"id":"…"}'.`,
  progress: (n: number): string => `… отправлено ${n}`,
  report: (
    now: number,
    sent: number,
    total: number,
    pending: number,
    failed: number,
    withdrawn: number,
    bounced: number,
  ): string =>
    `Отправлено сейчас: ${now}. Всего отправлено ${sent} из ${total}; ждут отправки: ${pending}; ` +
    `не доставлено: ${failed}; отписались: ${withdrawn}; вернулись с ошибкой: ${bounced}.`,
};

/** Контакты → Рассылки: a mailing to a segment, its progress and report. */
export const mailingsUi = {
  tab: 'Рассылки',
  newTitle: 'Новая рассылка',
  name: 'Название',
  segment: 'Сегмент',
  segmentCount: (name: string, n: number): string => `${name} (${n})`,
  purpose: 'Нужное согласие',
  subject: 'Тема',
  body: 'Текст',
  fieldsHint:
    'Поля: {{имя}}, {{фамилия}}, {{отчество}}, {{фио}}, {{имя_отчество}}, {{район}}, {{населённый_пункт}}, {{адрес}}. ' +
    'Строка для отписки добавляется к каждому письму.',
  create: 'Создать',
  created: 'Рассылка создана. Запустите её, когда будете готовы.',
  noSegments: 'Сначала сохраните сегмент на вкладке «Сегменты».',
  listTitle: 'Рассылки',
  empty: 'Рассылок пока нет.',
  start: 'Запустить',
  resume: 'Продолжить',
  pause: 'Приостановить',
  statusLabels: {
    draft: 'черновик',
    running: 'отправляется',
    paused: 'приостановлена',
    done: 'завершена',
  } as Record<'draft' | 'running' | 'paused' | 'done', string>,
  progress: (done: number, total: number): string => `${done} из ${total}`,
  report: (m: {
    sent: number;
    failed: number;
    withdrawn: number;
    bounced: number;
    pending: number;
  }): string =>
    `доставлено на сервер: ${m.sent}; не доставлено: ${m.failed}; отписались: ${m.withdrawn}; ` +
    `вернулись с ошибкой: ${m.bounced}; ждут: ${m.pending}`,
};

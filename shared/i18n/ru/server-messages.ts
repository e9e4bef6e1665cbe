import { assignmentServerMessages } from './assignments';
import { mandateServerMessages } from './mandates';
import { attachmentServerMessages } from './attachments';
import { classifierServerMessages } from './classifier';
import { eventServerMessages } from './events';
import { oralAnswerServerMessages } from './oral-answer';
import { receptionServerMessages } from './reception';
import { statisticsServerMessages } from './statistics';

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
  'HQ is reached over https:// unless it runs on this computer':
    'Адрес штаба должен начинаться с https:// — по http:// данные приёмной и ключ синхронизации шли бы по сети открытым текстом',
  'at most 40 characters': 'Не длиннее 40 символов',
  'at most 200 characters': 'Не длиннее 200 символов',
  'too many sign-ins from this address; try again in a minute':
    'Слишком много попыток входа с этого компьютера. Попробуйте через минуту.',
  '2–10 capital letters or digits': '2–10 заглавных букв или цифр',
  '2–40 latin letters, digits, dot, dash or underscore': '2–40 латинских букв, цифр, точек, дефисов или _',
  'unknown time zone': 'Неизвестный часовой пояс',
  'the format must contain N… for the sequence number': 'Формат должен содержать N… для порядкового номера',
  'this computer has no desk number yet; sync with HQ first':
    'Этот компьютер ещё не получил номер рабочего места (АРМ): выполните синхронизацию со штабом, затем регистрируйте',
  'the desk token АРМ may appear once': 'АРМ (номер рабочего места) может стоять в формате только один раз',
  'the desk token АРМ must be set apart by a dash, a slash or a dot':
    'Отделите АРМ от соседних знаков дефисом, косой чертой или точкой: иначе номера разных рабочих мест могут совпасть (например, 1-е место, № 100001 и 11-е место, № 1 дали бы одно и то же «1100001»)',
  'expected a classifier code like 0005.0005.0056.1149': 'Код классификатора вида 0005.0005.0056.1149',
  'expected a classifier code or its prefix': 'Код классификатора или его начало, например 0005.0005',
  'nothing to search for': 'Нечего искать: введите слово или номер',
  'wrong login or password': 'Неверный логин или пароль',
  'sign in first': 'Войдите в приложение',
  'the HQ view is read-only: office data is changed in its office':
    'В штабе данные приёмных только для просмотра: их меняют в самой приёмной',
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
  'the date is in the future': 'Дата не может быть позже сегодняшней',
  'the date is before the appeal was registered': 'Дата не может быть раньше регистрации обращения',
  'the date is before the answer to the request': 'Дата не может быть раньше ответа на запрос',
  'the date is before 1900': 'Дата рождения не может быть раньше 1900 года',
  'the press answered before the release was sent': 'Ответ прессы не может быть раньше отправки пресс-релиза',
  'part 5.1 names the address of the published answer':
    'Укажите адрес страницы официального сайта, где опубликован ответ (ч. 5.1 ст. 11 59-ФЗ)',
  'only part 5.1 names a published answer': 'Адрес опубликованного ответа указывается только по ч. 5.1',
  'expected a web address (https://…)': 'Укажите адрес страницы, например https://…',
  'a closed appeal cannot be extended': 'Срок закрытого обращения продлить нельзя',
  'the term has already been extended once': 'Срок уже продлевался',
  'a complaint cannot be forwarded to the body it complains of':
    'Жалобу нельзя направить в орган, действия которого обжалуются (ч. 6 ст. 8 59-ФЗ)',
  'the answer cannot come before the request was sent': 'Ответ не может прийти раньше отправки запроса',
  'only part 5 links earlier answers': 'Связывать обращения нужно только по ч. 5',
  'part 5 needs the earlier answered appeals': 'Отметьте ранее рассмотренные обращения заявителя',
  'part 5 needs at least two earlier answers on the merits to the same question':
    'Переписка прекращается, только если ответы по существу давались неоднократно: отметьте не менее двух ранее рассмотренных обращений заявителя по тому же вопросу',
  'an earlier appeal of this applicant answered on the merits is expected':
    'Отмечать можно только ранее рассмотренные по существу обращения этого же заявителя',
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
  ...assignmentServerMessages,
  ...mandateServerMessages,
  ...attachmentServerMessages,
  ...classifierServerMessages,
  ...eventServerMessages,
  ...oralAnswerServerMessages,
  ...receptionServerMessages,
  ...statisticsServerMessages,
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
  // The workflow's table refuses a step that is not open now (another person took it first).
  {
    re: /^(?:request )?\w+ is not possible in state \w+$/,
    text: () => 'Этот шаг уже сделан или сейчас невозможен. Обновите карточку.',
  },
  { re: /^the role \w+ may not/, text: () => 'Этот шаг делает другой участник' },
  { re: /^Invalid option/, text: () => 'Выберите значение из списка' },
  { re: /^Invalid input/, text: () => 'Неверное значение' },
];

/** The answer to a failure nobody foresaw: what went wrong is in the log, under this reference. */
export function internalErrorText(reference: string): string {
  return `Сбой в программе, подробности записаны в журнал. Сообщите администратору номер ошибки ${reference}.`;
}

/** Приём граждан: the schedule's screen, its notices and printed list, and its server messages. */
import { format, parseISO } from 'date-fns';
import { ru } from 'date-fns/locale';

const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];

/** «7 декабря» from 'YYYY-MM-DD'. */
export function dayMonth(iso: string): string {
  return format(parseISO(iso), 'd MMMM', { locale: ru });
}

/** «Пн, 7 декабря». */
export function weekdayDayMonth(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[(d.getUTCDay() + 6) % 7]}, ${dayMonth(iso)}`;
}

export const receptionUi = {
  title: 'Приём граждан',
  prevWeek: '← Неделя',
  nextWeek: 'Неделя →',
  thisWeek: 'Эта неделя',
  newDay: 'Новый день приёма',
  editDay: 'Изменить или перенести день приёма',
  editDayShort: 'Изменить',
  saveDay: 'Сохранить',
  noDays: 'На этой неделе дней приёма нет.',
  cancelled: 'Отменён',
  host: 'Принимает',
  deputy: 'депутат',
  event: 'Мероприятие «День приёма»',
  noEvent: 'не связан с мероприятием',
  noEventsThatDay: 'в этот день мероприятий «День приёма» нет',
  place: 'Место',
  date: 'Дата',
  start: 'Начало',
  end: 'Окончание',
  slotMinutes: 'Длина слота, мин',
  breakFrom: 'Перерыв с',
  breakTo: 'до',
  create: 'Создать',
  cancel: 'Отмена',
  close: 'Закрыть',
  free: 'свободно',
  conflict: 'Конфликт записи: время занято дважды (записи с двух компьютеров). Перенесите одну из записей.',
  conflictShort: 'конфликт',
  spaceKey: 'Пробел',
  keyboardHint: 'Стрелки — выбор времени, Enter — записать, Пробел — отметить «пришёл».',
  book: 'Записать',
  bookTitle: (time: string, date: string) => `Запись на ${time}, ${dayMonth(date)}`,
  findContact: 'Найти гражданина (фамилия или телефон)',
  newCitizen: 'Новый гражданин',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  phone: 'Телефон',
  email: 'Эл. почта',
  question: 'Вопрос (кратко)',
  chosen: (name: string) => `Выбран: ${name}`,
  change: 'Другой',
  came: 'Пришёл',
  noShow: 'Не пришёл',
  undoMark: 'Снять отметку',
  cancelBooking: 'Отменить запись',
  move: 'Перенести',
  moveTo: 'Перенести на время',
  register: 'Зарегистрировать обращение',
  registered: (n: string) => `Обращение № ${n}`,
  queue: 'Очередь (без записи)',
  queueEmpty: 'В очереди никого.',
  addWalkIn: 'В очередь',
  walkInTitle: 'Гражданин без записи',
  dayList: 'Список на день (DOCX)',
  cancelDay: 'Отменить день',
  cancelReason: 'Причина отмены',
  notices: 'Оповещения',
  status: {
    booked: 'записан',
    came: 'пришёл',
    no_show: 'не пришёл',
    cancelled: 'отменено',
  } as Record<string, string>,
  noticeState: {
    pending: 'письмо ждёт отправки',
    sent: 'письмо отправлено',
    failed: 'письмо не отправлено',
    task: 'задача «позвонить»',
  } as Record<string, string>,
  registerTitle: 'Регистрация обращения с приёма',
  applicant: 'Заявитель',
  summary: 'Краткое содержание',
  kind: 'Вид обращения',
  repeatUntil: 'Повторять каждую неделю до (необязательно)',
  selectedSlot: 'Выбранное время',
  week: (from: string, to: string) => `${dayMonth(from)} — ${dayMonth(to)}`,
  oral: 'Устный ответ дан на приёме (ч. 2 ст. 13 59-ФЗ)',
  oralText: 'Что ответили',
  oralResult: 'Итог',
  oralExplained: 'разъяснено',
  oralAnswered: 'дан ответ',
  consent: 'Заявитель согласен на устный ответ',
  save: 'Зарегистрировать',
};

/** The day's printed list. */
export const receptionDoc = {
  title: 'Список граждан, записанных на приём',
  date: 'Дата',
  place: 'Место',
  host: 'Принимает',
  time: 'Время',
  citizen: 'Гражданин',
  phone: 'Телефон',
  question: 'Вопрос',
  mark: 'Отметка',
  queue: 'Без записи (очередь)',
  queueNo: '№',
  none: 'Записей нет.',
  fileName: (date: string) => `Приём ${date}.docx`,
};

/** What the citizen is told, by e-mail or by the assistant's call. */
export const receptionNotices = {
  booked: (name: string, date: string, time: string, place: string) =>
    `${name}, вы записаны на приём ${dayMonth(date)} в ${time}. Место: ${place}.`,
  moved: (name: string, date: string, time: string, place: string) =>
    `${name}, время вашего приёма изменилось: ${dayMonth(date)} в ${time}. Место: ${place}.`,
  cancelled: (name: string, date: string, time: string, reason: string) =>
    `${name}, приём ${dayMonth(date)} в ${time} отменён. Причина: ${reason}. Мы свяжемся с вами, чтобы записать на другой день.`,
  callTask: (name: string, phone: string | null, text: string) =>
    `Позвонить: ${name}${phone ? `, ${phone}` : ''} — ${text}`,
};

/** The reception services' messages, in Russian (merged into the server messages). */
export const receptionServerMessages: Record<string, string> = {
  'no such reception day': 'День приёма не найден',
  'no such booking': 'Запись не найдена',
  'the day is cancelled': 'День приёма отменён',
  'no such slot on this day': 'Такого времени в этом дне приёма нет',
  'the slot is already booked': 'Это время уже занято: выберите другое',
  'the day was changed by someone else; reload it': 'День приёма изменил другой сотрудник; обновите экран',
  'booked slots would be lost; move those bookings first':
    'На исчезающее время есть записи: сначала перенесите их',
  'the event is not a reception day': 'Мероприятие не является днём приёма',
  'no such active user': 'Такого активного сотрудника нет',
  'the appeal is already registered': 'Обращение по этой записи уже зарегистрировано',
  'a cancelled booking': 'Запись отменена',
  'a rule gives at most 100 days': 'Правило даёт больше 100 дней: сократите период',
  'the rule gives no day': 'Правило не даёт ни одного дня',
  'a break lies inside the hours': 'Перерыв должен быть в часах приёма',
  'a break ends after it starts': 'Перерыв кончается позже, чем начинается',
  'the day ends after it starts': 'Приём кончается позже, чем начинается',
  'the rule ends after it starts': 'Дата «до» — не раньше даты начала',
};

/**
 * The Settings section's strings: the office, the production calendar and the staff. Part of `ui` (ui.ts
 * includes it as `settings`); a separate file because the calendar brings its own month and weekday names.
 */

/** What a day of the production calendar is, as the month grid and its legend name it. */
export type CalendarDayKind = 'working' | 'shortened' | 'weekend' | 'dayOff' | 'workingWeekend';

const dayKinds: Record<CalendarDayKind, string> = {
  working: 'рабочий день',
  shortened: 'рабочий день, сокращённый на час',
  weekend: 'выходной',
  dayOff: 'нерабочий день (праздник или перенос)',
  workingWeekend: 'рабочий день (перенос выходного)',
};

const monthsGenitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** Monday first, as Russian calendars are printed. */
const weekdays = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'] as const;

export const settings = {
  title: 'Настройки',
  /** The page's own navigation: one section of Settings at a time. */
  sections: {
    label: 'Разделы настроек',
    letters: 'Бланк и тексты писем',
  },
  office: 'Приёмная',
  users: 'Сотрудники',
  readOnly: 'Изменять настройки могут администратор и руководитель приёмной.',
  name: 'Название',
  code: 'Код',
  deputyName: 'Депутат (ФИО)',
  region: 'Регион',
  timeZone: 'Часовой пояс',
  address: 'Адрес приёмной',
  phone: 'Телефон',
  email: 'E-mail',
  regNumberFormat: 'Формат регистрационного номера',
  regNumberFormatHint:
    'КОД — код приёмной, ГГГГ — год, ГГ — две цифры года, NNNNN — порядковый номер, АРМ — номер рабочего места (компьютера). У каждого компьютера приёмной своя нумерация: без АРМ номера первого компьютера не меняются, а второй и следующие ставят свой номер перед порядковым (ПТР-2026-2-00042), чтобы номера разных компьютеров не совпали.',
  deadlineShift: 'Если срок выпадает на нерабочий день, переносить',
  saved: 'Настройки сохранены.',
  usersLogin: 'Логин',
  usersName: 'ФИО',
  usersRole: 'Роль',
  usersActive: 'Активен',
  newUser: 'Новый сотрудник',
  password: 'Пароль',
  createUser: 'Добавить сотрудника',
  userCreated: (name: string) => `Сотрудник ${name} добавлен.`,

  /** The administrator's actions on a user row. */
  userActions: {
    column: 'Действия',
    role: (name: string) => `Роль: ${name}`,
    applyRole: 'Сменить роль',
    deactivate: 'Отключить',
    activate: 'Включить',
    resetPassword: 'Сменить пароль',
    roleChanged: (name: string, role: string) => `${name}: роль изменена на «${role}».`,
    deactivated: (name: string) => `Доступ сотрудника ${name} отключён: войти он больше не сможет.`,
    activated: (name: string) => `Доступ сотрудника ${name} восстановлен.`,
    passwordTitle: (name: string) => `Новый пароль: ${name}`,
    passwordIntro: 'Сообщите пароль сотруднику лично. Открытые сеансы этого сотрудника будут завершены.',
    newPassword: 'Новый пароль',
    newPasswordRepeat: 'Новый пароль ещё раз',
    passwordHint: 'Не короче 8 символов',
    passwordsDiffer: 'Пароли не совпадают',
    passwordChanged: (name: string) => `Пароль сотрудника ${name} изменён.`,
  },

  calendar: {
    title: 'Производственный календарь',
    effect:
      'Изменения календаря действуют для обращений, зарегистрированных после сохранения; сроки уже зарегистрированных обращений не пересчитываются.',
    readOnly: 'Изменять календарь могут администратор и руководитель приёмной.',
    years: 'Год',
    statusDecree: 'по постановлению Правительства',
    statusProvisional: 'предварительный, постановления ещё нет',
    statusEdited: 'изменён приёмной',
    unsaved: 'есть несохранённые изменения',
    source: 'Источник',
    sourceHint: 'Постановление Правительства о переносе выходных дней или иное основание',
    notes: 'Примечания',
    provisional: 'Предварительный: постановления о переносе выходных дней ещё нет',
    workingDays: (year: number, n: number) => `Рабочих дней в ${year} году: ${n}`,
    gridLabel: (year: number) => `Календарь на ${year} год`,
    howTo:
      'Щелчок, Enter или пробел на дне меняют его: будний день становится нерабочим или снова рабочим, суббота и воскресенье — рабочим днём или снова выходным. Стрелки переходят по дням.',
    legend: 'Обозначения',
    dayKinds,
    dayLabel: (day: number, month: number, year: number, weekday: number, kind: CalendarDayKind) =>
      `${day} ${monthsGenitive[month] ?? ''} ${year}, ${weekdays[weekday] ?? ''} — ${dayKinds[kind]}`,
    months: [
      'Январь',
      'Февраль',
      'Март',
      'Апрель',
      'Май',
      'Июнь',
      'Июль',
      'Август',
      'Сентябрь',
      'Октябрь',
      'Ноябрь',
      'Декабрь',
    ],
    weekdays,
    weekdaysShort: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    reset: 'Отменить изменения',
    saved: (year: number) => `Календарь на ${year} год сохранён.`,
  },
};

import type { DEFAULT_CONTACT_STATUSES, CONSENT_PURPOSES, RejectReason } from '../../api/contacts';

const PURPOSES: Record<(typeof CONSENT_PURPOSES)[number], string> = {
  mailing: 'рассылки',
  calls: 'обзвон',
  events: 'приглашения на мероприятия',
};

const STATUSES: Record<(typeof DEFAULT_CONTACT_STATUSES)[number], string> = {
  house_head: 'Старший по дому',
  hoa_chair: 'Председатель ТСЖ',
  supporter: 'Сторонник',
  party_member: 'Член партии',
  volunteer: 'Волонтёр',
  volunteer_candidate: 'Кандидат в волонтёры',
};

const REJECT_REASONS: Record<RejectReason, string> = {
  no_surname: 'нет фамилии',
  broken_quotes: 'незакрытая кавычка',
  too_many_columns: 'больше столбцов, чем в заголовке',
  bad_phone: 'это не номер телефона',
  bad_email: 'это не адрес электронной почты',
  bad_date: 'неверная дата рождения',
  bad_field: 'значение не подходит к полю контакта (число, дата или значение из списка)',
  no_contact_data: 'ни телефона, ни почты, ни адреса',
  missing_field: 'не заполнено обязательное поле',
};

/** Server-side texts of the contact base: timeline entries, export headers, rejected-row reasons. */
export const contactText = {
  purpose: PURPOSES,
  status: STATUSES,
  rejectReason: REJECT_REASONS,
  /** A rejected row's reason, with the field it is about when there is one. */
  rejectedWhy: (reason: RejectReason, field?: string) =>
    field ? `${REJECT_REASONS[reason]}: «${field}»` : REJECT_REASONS[reason],
  created: (source: string | null) => (source ? `Контакт создан (${source})` : 'Контакт создан'),
  consentGiven: (purpose: string, version: string) =>
    `Согласие на ${PURPOSES[purpose as keyof typeof PURPOSES] ?? purpose} (редакция ${version})`,
  consentWithdrawn: (purpose: string) =>
    `Согласие на ${PURPOSES[purpose as keyof typeof PURPOSES] ?? purpose} отозвано`,
  merged: (undone: boolean) => (undone ? 'Объединение с дублем (отменено)' : 'Объединён с дублем'),
  erasedName: 'Данные удалены по запросу',
  /** What stands in the audit log's details where an erased person was named. */
  redacted: '[удалено по запросу]',
  /** Column headers of an export; an import of the export maps them back by name. */
  exportHeaders: {
    lastName: 'Фамилия',
    firstName: 'Имя',
    middleName: 'Отчество',
    phone: 'Телефон',
    email: 'Эл. почта',
    address: 'Адрес',
    region: 'Регион',
    district: 'Район',
    settlement: 'Населённый пункт',
    street: 'Улица',
    house: 'Дом',
    flat: 'Квартира',
    birthDate: 'Дата рождения',
    socialCategory: 'Социальная категория',
    statuses: 'Статусы',
    tags: 'Метки',
    source: 'Источник',
    comment: 'Комментарий',
  },
  exportSheet: 'Контакты',
  rejectedHeader: ['Строка', 'Причина'],
  importSource: (file: string) => `Импорт: ${file}`,
} as const;

/** The deputy's requests on his own initiative: the jurisdictions, the reminders, the screen's words. */
import type { ReminderParams } from '../../api/reminders';
import type { Jurisdiction } from '../../domain/own-requests';

export const jurisdictionLabels: Record<Jurisdiction, string> = {
  federal: 'Федеральный: ст. 14 закона № 3-ФЗ — 30 дней',
  moscow: 'Московская городская дума — 15 дней',
  yamal: 'Ямало-Ненецкий автономный округ — 15 дней',
  kalmykia: 'Республика Калмыкия — 10 дней',
  region: 'Другой региональный закон — свой срок',
};

const ddmmyyyy = (iso: string | undefined): string => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (iso ?? '');
};

/** The text of an own request's reminder: no answer since it went out, or the answer's term passed. */
export function ownRequestReminder(
  rule: 'own_request_unanswered' | 'own_request_late',
  p: ReminderParams,
): string {
  const to = p.bodyName ? ` в ${p.bodyName}` : '';
  return rule === 'own_request_unanswered'
    ? `Депутатский запрос ${p.regNumber ?? ''}${to} от ${ddmmyyyy(p.date)} без ответа`
    : `Депутатский запрос ${p.regNumber ?? ''}${to}: ответ был должен прийти до ${ddmmyyyy(p.date)}`;
}

export const ownRequestsUi = {
  title: 'Депутатские запросы по собственной инициативе',
  /** The section's heading (the page's own is «Запросы»). */
  heading: 'По собственной инициативе депутата',
  create: 'Новый депутатский запрос',
  empty: 'Депутатских запросов по собственной инициативе нет.',
  term: (days: number) => `Срок ответа по юрисдикции приёмной: ${days} дн.`,
  save: 'Создать',
  cancel: 'Отмена',
  fields: {
    body: 'Адресат',
    text: 'Текст запроса',
    legalBasis: 'Правовое основание',
    date: 'Дата',
    number: 'Номер',
    comment: 'Ответ / комментарий',
  },
  columns: { number: '№', body: 'Адресат', status: 'Состояние', due: 'Ответ до', answer: 'Ответ' },
  actions: {
    submit: 'На утверждение',
    approve: 'Утвердить',
    return: 'Вернуть',
    send: 'Отправлен',
    recordAnswer: 'Получен ответ',
    resolveAnswer: 'Закрыть',
    cancel: 'Отозвать',
    update: 'Изменить',
  },
  jurisdiction: 'Юрисдикция приёмной',
  days: 'Срок ответа, календарных дней',
  setTerm: 'Установить срок',
  defaultBasis: 'ст. 14 Федерального закона от 08.05.1994 № 3-ФЗ',
} as const;

import type { StageLimitKey } from '../../domain/workflow/appeal';

/** The Settings panel for the workflow's time limits. */
export const workflowSettingsText = {
  title: 'Сроки этапов',
  intro:
    'Сколько рабочих дней даётся на этап; задача этапа получает срок от дня, когда обращение на него пришло, но не позже контрольной даты обращения.',
  stageLimits: {
    review: 'Рассмотрение и выбор направления',
    contactData: 'Ожидание контактных данных заявителя',
    deputy: 'Решения депутата (резолюция, согласование)',
    requestDraft: 'Подготовка запроса',
    requestSend: 'Отправка согласованного запроса',
    replyDraft: 'Подготовка ответа заявителю',
    replySend: 'Отправка согласованного ответа',
  } satisfies Record<StageLimitKey, string>,
  days: 'раб. дн.',
  deputyRequestDays: 'Срок ответа на депутатский запрос, календарных дней',
  deputyRequestDaysHint: '30 дней по ст. 14 закона № 3-ФЗ; региональный закон может установить иной срок',
  saved: 'Сроки сохранены.',
};

/**
 * The words of reminders: the inbox, the desktop notifications and the settings. One formatter for the
 * inbox and the notification, so the two never say different things.
 */
import type { ReminderParams } from '../../api/reminders';
import type { ReminderRule } from '../../domain/reminders';
import { countOf, type PluralForms } from '../../domain/plural';
import { eventStageLabels } from './events';
import { ownRequestReminder } from './own-requests';
import { taskTitle } from './tasks';

export const systemUserName = 'Система (автоматически)';

const date = (iso: string | undefined): string => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (iso ?? '');
};

const appeals = (n: number): string => {
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) return `${n} обращение`;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return `${n} обращения`;
  return `${n} обращений`;
};

const ASSIGNMENTS: PluralForms = ['поручение', 'поручения', 'поручений'];

export const reminderRuleNames: Record<ReminderRule, string> = {
  appeal_due_soon: 'Срок рассмотрения подходит',
  appeal_overdue: 'Срок рассмотрения нарушен',
  overdue_digest: 'Ежедневная сводка просроченных',
  request_unanswered: 'Нет ответа на запрос',
  stage_stuck: 'Этап задержался',
  notice_late: 'Уведомление не отправлено в срок',
  event_approval: 'Мероприятие перешло на «Согласование»',
  event_stuck: 'Этап мероприятия задержался',
  mail_unregistered: 'Письмо во «Входящих» не зарегистрировано',
  assignment_due_soon: 'Срок поручения подходит',
  assignment_overdue: 'Срок поручения нарушен',
  own_request_unanswered: 'Нет ответа на депутатский запрос',
  own_request_late: 'Срок ответа на депутатский запрос истёк',
};

/** Title and text of one reminder. */
export function reminderText(rule: ReminderRule, p: ReminderParams): { title: string; body: string } {
  const who = [p.regNumber, p.applicantName].filter(Boolean).join(', ');
  switch (rule) {
    case 'appeal_due_soon':
      return { title: reminderRuleNames[rule], body: `${who}: ответить до ${date(p.date)}` };
    case 'appeal_overdue':
      return { title: reminderRuleNames[rule], body: `${who}: срок истёк ${date(p.date)}` };
    case 'overdue_digest':
      return {
        title: reminderRuleNames[rule],
        body: `Просрочено: ${[
          p.count || !p.assignments ? appeals(p.count ?? 0) : null,
          p.assignments ? countOf(p.assignments, ASSIGNMENTS) : null,
        ]
          .filter(Boolean)
          .join(', ')}`,
      };
    case 'assignment_due_soon':
      return { title: reminderRuleNames[rule], body: `«${p.text ?? ''}»: исполнить до ${date(p.date)}` };
    case 'assignment_overdue':
      return { title: reminderRuleNames[rule], body: `«${p.text ?? ''}»: срок истёк ${date(p.date)}` };
    case 'request_unanswered':
      return {
        title: reminderRuleNames[rule],
        body: `${who}: запрос${p.bodyName ? ` в ${p.bodyName}` : ''} от ${date(p.date)} без ответа`,
      };
    case 'stage_stuck':
    case 'notice_late':
      return {
        title: reminderRuleNames[rule],
        body: `${who}: ${p.taskKind ? taskTitle(p.taskKind) : ''} — срок ${date(p.date)}`,
      };
    case 'event_approval':
      return {
        title: reminderRuleNames[rule],
        body: `«${p.eventTitle ?? ''}» (${date(p.date)}): согласуйте мероприятие`,
      };
    case 'event_stuck':
      return {
        title: reminderRuleNames[rule],
        body: `«${p.eventTitle ?? ''}»: этап «${p.eventStage ? eventStageLabels[p.eventStage] : ''}» с ${date(p.date)} — дольше срока`,
      };
    case 'mail_unregistered':
      return {
        title: reminderRuleNames[rule],
        body: `${p.mailFrom ?? ''}: «${p.mailSubject ?? ''}» получено ${date(p.date)} — зарегистрируйте или отметьте «не обращение»`,
      };
    case 'own_request_unanswered':
    case 'own_request_late':
      return { title: reminderRuleNames[rule], body: ownRequestReminder(rule, p) };
    default: {
      const unknown: never = rule;
      throw new Error(`no text for the reminder rule ${String(unknown)}`);
    }
  }
}

/** One desktop notification for many reminders at once (after a holiday, say). */
export function reminderSummary(count: number): { title: string; body: string } {
  const n10 = count % 10;
  const n100 = count % 100;
  const word =
    n10 === 1 && n100 !== 11
      ? 'напоминание'
      : n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)
        ? 'напоминания'
        : 'напоминаний';
  return { title: 'Приёмная', body: `${count} ${word}: откройте «Уведомления»` };
}

const REMINDERS: PluralForms = ['напоминание', 'напоминания', 'напоминаний'];

export const remindersUi = {
  bell: 'Уведомления',
  bellCount: (n: number) => (n > 0 ? `Уведомления: ${n} непрочитанных` : 'Уведомления: нет новых'),
  title: 'Уведомления',
  empty: 'Напоминаний нет.',
  unreadOnly: 'Только непрочитанные',
  markAllRead: 'Отметить все прочитанными',
  markRead: 'Прочитано',
  unread: 'новое',
  open: 'Открыть',
  digestOpens: 'Откроется реестр просроченных',
  kinds: 'Вид напоминаний',
  allKinds: 'Все',
  groupSize: (count: number, unread: number) =>
    unread > 0 ? `${countOf(count, REMINDERS)}, новых: ${unread}` : countOf(count, REMINDERS),
  showGroup: 'Показать',
  hideGroup: 'Скрыть',
  markGroupRead: 'Отметить прочитанными',
  digestStands: 'Сводка дня вместе с отдельными напоминаниями о нарушенных сроках',
  settings: {
    title: 'Напоминания',
    rules: 'Правила',
    dueSoonDays: 'За сколько дней до контрольного срока предупреждать',
    requestUnansweredDays: 'Через сколько дней без ответа на запрос напоминать',
    eventApprovalDays: 'За сколько дней до мероприятия переводить его на «Согласование»',
    workdayStart: 'Начало рабочего дня (напоминания дня приходят в это время)',
    digestTime: 'Время ежедневной сводки просроченных',
    quietFrom: 'Тихие часы: с',
    quietTo: 'до',
    quietHint: 'В тихие часы уведомления на рабочем столе не показываются; список уведомлений пополняется.',
    escalateToHead: 'Сообщать руководителю приёмной о нарушенных сроках',
    save: 'Сохранить',
    saved: 'Сохранено',
  },
} as const;

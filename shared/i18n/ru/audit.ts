import type { AuditAction } from '../../api/audit';
import { formatNumber } from '../../domain/number';
import { APPEAL_ACTIONS } from '../../domain/workflow/appeal';
import { REQUEST_ACTIONS } from '../../domain/workflow/request';
import { historyActionLabels } from './labels';

const workflowNames = Object.fromEntries(
  APPEAL_ACTIONS.map((a) => [`workflow.${a}`, `Обращение: ${lower(historyActionLabels[a] ?? a)}`]),
);
const requestNames = Object.fromEntries(
  REQUEST_ACTIONS.map((a) => [`requests.${a}`, historyActionLabels[`request.${a}`] ?? a]),
);

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** What each audited action was, as the Журнал доступа and its export name it. */
export const auditActionNames: Record<AuditAction, string> = {
  'appeals.get': 'Открыта карточка обращения',
  'contacts.get': 'Открыта карточка контакта',
  'contacts.personalData': 'Выгружены персональные данные человека',
  'contacts.export': 'Выгрузка контактов',
  'documents.card': 'Напечатана карточка обращения',
  'documents.programme': 'Напечатана программа мероприятия',
  'events.get': 'Открыта карточка мероприятия',
  'audit.list': 'Просмотр журнала доступа',
  'audit.export': 'Выгрузка журнала доступа',
  'appeals.register': 'Зарегистрировано обращение',
  'appeals.update': 'Изменена карточка обращения',
  ...(workflowNames as Record<`workflow.${(typeof APPEAL_ACTIONS)[number]}`, string>),
  'workflow.saveReply': 'Сохранён черновик ответа',
  'workflow.extend': 'Продлён срок рассмотрения',
  'workflow.notifyExtension': 'Заявитель уведомлён о продлении',
  ...(requestNames as Record<`requests.${(typeof REQUEST_ACTIONS)[number]}`, string>),
  'tasks.reassign': 'Задача передана другому',
  'attachments.add': 'Прикреплён файл',
  'contacts.create': 'Создан контакт',
  'contacts.update': 'Изменён контакт',
  'contacts.addNote': 'Добавлена заметка к контакту',
  'contacts.giveConsent': 'Дано согласие на обработку',
  'contacts.withdrawConsent': 'Отозвано согласие на обработку',
  'contacts.merge': 'Контакты объединены',
  'contacts.autoMerge': 'Контакты объединены автоматически',
  'contacts.undoMerge': 'Объединение контактов отменено',
  'contacts.erase': 'Персональные данные удалены (обезличены)',
  'contacts.import': 'Импорт контактов',
  'contacts.importDryRun': 'Пробный импорт контактов',
  'contacts.upload': 'Загружен файл для импорта',
  'contacts.saveStatuses': 'Изменён список статусов контактов',
  'contacts.updateSettings': 'Изменены настройки базы контактов',
  'segments.save': 'Сохранён сегмент',
  'segments.delete': 'Удалён сегмент',
  'events.create': 'Создано мероприятие',
  'events.update': 'Изменено мероприятие',
  'events.move': 'Мероприятие переведено на другой этап',
  'events.autoMove': 'Мероприятие переведено на этап автоматически',
  'events.override': 'Этап мероприятия пройден без обязательных пунктов',
  'events.cancel': 'Мероприятие отменено',
  'events.checkItem': 'Отмечен пункт чек-листа',
  'events.putKind': 'Изменён вид мероприятий',
  'checklists.put': 'Изменён чек-лист',
  'checklists.reset': 'Чек-лист возвращён к исходному',
  'bodies.create': 'Добавлен орган в справочник',
  'bodies.update': 'Изменён орган в справочнике',
  'templates.save': 'Изменён шаблон письма',
  'reminders.markRead': 'Напоминания отмечены прочитанными',
  'auth.signIn': 'Вход в программу',
  'auth.signIn.failed': 'Неудачная попытка входа',
  'auth.locked': 'Учётная запись заблокирована',
  'auth.signOut': 'Выход из программы',
  'users.create': 'Создан пользователь',
  'users.update': 'Изменён пользователь',
  'users.system': 'Создан системный пользователь',
  'setup.init': 'Приёмная настроена',
  'office.update': 'Изменены данные приёмной',
  'calendar.putYear': 'Изменён производственный календарь',
  'classifier.applyEdition': 'Принята новая редакция классификатора',
  'classifier.rename': 'Исправлено наименование в классификаторе',
  'sync.enrol': 'Компьютер подключён к штабу',
  'sync.settings': 'Изменены настройки синхронизации',
  'sync.resolve': 'Решено расхождение синхронизации',
  'sync.numberClash': 'Номер обращения изменён при синхронизации',
};

/** An action's Russian name; one recorded by an older version and not named here is shown as stored. */
export function auditActionName(code: string): string {
  return (auditActionNames as Record<string, string>)[code] ?? code;
}

/** The actions offered in the filter, first what an inspection asks most. */
export const auditFilterActions: readonly AuditAction[] = [
  'contacts.get',
  'appeals.get',
  'documents.card',
  'contacts.personalData',
  'contacts.export',
  'contacts.update',
  'contacts.erase',
  'appeals.register',
  'appeals.update',
  'auth.signIn',
  'auth.signIn.failed',
  'audit.list',
  'audit.export',
];

export const auditTransportNames: Record<string, string> = {
  ipc: 'программа',
  http: 'браузер',
  cli: 'командная строка',
  internal: 'сама программа',
};

export const audit = {
  nav: 'Журнал доступа',
  whoOpenedTitle: 'Кто открывал, печатал и менял данные этого человека',
  appealTitle: 'Кто открывал, печатал и менял это обращение',
  title: 'Журнал доступа',
  tableLabel: 'Записи журнала доступа',
  count: (n: number) => `Записей: ${formatNumber(n)}`,
  shown: (shown: number, n: number) => `Показано ${formatNumber(shown)} из ${formatNumber(n)}`,
  empty: 'Записей нет.',
  emptyFiltered: 'По этим условиям записей нет.',
  columns: { at: 'Время', who: 'Кто', action: 'Что сделано', subject: 'О чём', transport: 'Откуда' },
  filters: {
    user: 'Кто',
    anyUser: 'Любой пользователь',
    action: 'Действие',
    anyAction: 'Любое действие',
    from: 'С',
    to: 'По',
    contact: 'Контакт',
    appeal: 'Обращение',
    clear: 'Сбросить',
    contactHint: 'Фамилия или телефон',
    appealHint: 'Номер или фамилия',
    unpick: (what: string) => `Убрать условие «${what}»`,
  },
  picked: 'выбран',
  exportFormat: 'Формат файла',
  formats: { xlsx: 'Excel (XLSX)', csv1251: 'CSV (Windows-1251)', csvUtf8: 'CSV (UTF-8)' },
  unknownWho: 'неизвестно',
  system: 'программа',
  exportButton: 'Выгрузить',
  exportTitle: 'Выгрузить журнал в файл Excel',
  exported: (n: number) => `Выгружено записей: ${formatNumber(n)}`,
  sheet: 'Журнал доступа',
  exportHeaders: {
    at: 'Время',
    who: 'Кто',
    login: 'Логин',
    action: 'Действие',
    subject: 'О чём',
    entity: 'Объект',
    entityId: 'Идентификатор',
    transport: 'Откуда',
  },
  keys: '↑ ↓ — выбор строки, Enter — открыть то, о чём запись',
  subjectKinds: { appeal: 'Обращение', contact: 'Контакт', event: 'Мероприятие' },
};

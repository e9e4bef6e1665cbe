import type { RoutingDecision } from '../../api/routing';

/** Settings → Распределение обращений, and the rule the registration form shows. */
export const routingUi = {
  title: 'Распределение обращений',
  intro:
    'Правила проверяются сверху вниз; при регистрации применяется первое подходящее. ' +
    'Ответственный, выбранный в форме вручную, важнее правила.',
  empty: 'Правил нет: ответственным становится тот, кто регистрирует.',
  add: 'Добавить правило',
  edit: 'Изменить',
  delete: 'Удалить',
  save: 'Сохранить',
  cancel: 'Отмена',
  up: 'Выше',
  down: 'Ниже',
  moveHint: 'Alt+↑ / Alt+↓ — переставить правило',
  name: 'Название',
  topic: 'Вопрос (код классификатора любого уровня)',
  channel: 'Канал',
  kind: 'Вид',
  district: 'Район заявителя',
  settlement: 'Населённый пункт заявителя',
  any: 'любой',
  responsible: 'Ответственный',
  noResponsible: '— не назначать —',
  toDeputy: 'Сразу передать на рассмотрение депутату',
  conditions: 'Условия',
  effect: 'Действие',
  inactive: 'Ответственный отключён: правило пропускается',
  toDeputyShort: 'на рассмотрение депутату',
  deleteConfirm: (name: string) => `Удалить правило «${name}»?`,
  /** The registration form: the rule that will apply. */
  rule: (name: string) => `Правило: ${name}`,
  /** The form's responsible field, left as the rule sets it. */
  byRuleDefault: (name: string) => `По правилу — ${name}`,
  setsResponsible: (name: string) => `ответственный: ${name}`,
  manualResponsible: 'ответственный выбран вручную, правило его не меняет',
  skipped: (names: string[]) => `Пропущены (ответственный отключён): ${names.join(', ')}`,
  position: '№',
  actions: 'Действия',
  editTitle: (name: string) => `Правило «${name}»`,
  newTitle: 'Новое правило',
  yes: 'Да, удалить',
  no: 'Нет',
  rowLabel: (n: number, name: string) => `Правило ${n}: ${name}`,
  /** Refusals of a rule, by the field the server names (its own texts are in English). */
  errors: {
    name: 'Укажите название правила',
    when: 'Нужно хотя бы одно условие: вопрос, канал, вид, район или населённый пункт',
    'when.topic': 'Такого кода нет в классификаторе',
    responsibleId: 'Выберите действующего сотрудника или отметьте передачу депутату',
  } as Record<string, string>,
  /** The appeal's history: which rule routed it. */
  byRule: (name: string) => `По правилу распределения «${name}»`,
} as const;

/** What the form says the rule sets: the responsible and, when it does, the deputy's review. */
export function decisionSummary(d: RoutingDecision, manual: boolean): string[] {
  const out: string[] = [];
  if (d.responsibleName)
    out.push(manual ? routingUi.manualResponsible : routingUi.setsResponsible(d.responsibleName));
  if (d.toDeputy) out.push(routingUi.toDeputyShort);
  return out;
}

import type { Role } from '../../shared/api/define';
import type { MethodName } from '../../shared/api/index';
import { APPEAL_ACTIONS, INTERNAL_ACTIONS } from '../../shared/domain/workflow/appeal';
import { ART11_GROUNDS } from '../../shared/domain/workflow/art11';
import { OPEN_REQUEST_STATES, REQUEST_ACTIONS } from '../../shared/domain/workflow/request';
import type { Card } from './workflow-steps';

/**
 * The moves of the workflow's property test (workflow-property.test.ts): a seeded generator, valid
 * inputs for every step of the two tables, the steps a card allows a person, and one it does not.
 */

/** A small seeded generator (mulberry32): the same seed walks the same way. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Person {
  id: string;
  login: string;
  role: Role;
  token: string;
}
export interface Step {
  method: MethodName;
  input: Record<string, unknown>;
  who: Person;
  weight: number;
}

/**
 * How often a step is taken when allowed: moving on is likelier than turning back or aside, so that
 * appeals reach the request and reply directions instead of mostly ending under Art. 11.
 */
const WEIGHT: Partial<Record<string, number>> = {
  'workflow.applyArt11': 0.4,
  'workflow.requestContactData': 0.4,
  'workflow.forward': 0.4,
  'workflow.returnReply': 0.5,
  'workflow.extend': 0.2,
  'requests.create': 0.2,
  'requests.cancel': 0.3,
  'requests.return': 0.5,
  'requests.update': 1,
};

export const BODY_NAMES = [
  'ООО «УК Центр»',
  'Администрация г. Твери',
  'Минстрой Тверской области',
  'Прокуратура',
];
export const MERITS = ['supported', 'supported_measures_taken', 'not_supported', 'explained'] as const;
const FORMS = ['post', 'email', 'in_person'] as const;

/** What the walk draws from and what it has seen so far. */
export interface Walk {
  rnd: () => number;
  today(): string;
  /** The outside bodies in the directory, by id. */
  bodies: readonly string[];
  /** Appeals answered on the merits, by applicant: Art. 11 part 5 links them. */
  answered: ReadonlyMap<string, readonly string[]>;
}

export function walker({ rnd, today, answered, bodies }: Walk) {
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  function pickWeighted(steps: readonly Step[]): Step {
    let x = rnd() * steps.reduce((sum, st) => sum + st.weight, 0);
    for (const st of steps) if ((x -= st.weight) < 0) return st;
    return steps[steps.length - 1]!;
  }

  /** A valid input for an appeal step, given the card. */
  function appealStep(action: string, c: Card): Record<string, unknown> {
    const id = c.id;
    const on = today();
    switch (action) {
      case 'applyArt11': {
        const earlier = answered.get(c.applicant.id) ?? [];
        const ground =
          earlier.length > 1 && rnd() < 0.5 ? 'p5' : pick(ART11_GROUNDS.filter((g) => g !== 'p5'));
        return {
          id,
          ground,
          comment: `Основание ${ground}`,
          reportsCrime: rnd() < 0.3,
          readable: rnd() < 0.7,
          linkedAppealIds: ground === 'p5' ? earlier : [],
          ...(ground === 'p5_1' ? { publishedAnswerUrl: 'https://deputat.example.ru/otvety/1' } : {}),
        };
      }
      case 'requestContactData':
      case 'returnReply':
        return { id, comment: 'Нужно уточнить' };
      case 'contactDataReceived':
        return { id, lastName: 'Уточнённый', address: 'г. Тверь, ул. Новая, д. 5' };
      case 'decideArt11':
        return { id, approve: rnd() < 0.6, text: 'Решение депутата' };
      case 'sendArt11Notice':
        return { id, sentOn: on, form: pick(FORMS), outgoingNumber: 'УВ-1' };
      case 'forward': {
        // A complaint never goes to the body it complains of (the one named before stays named).
        const complained = c.forward?.complainedBody ?? pick(BODY_NAMES);
        const addressee = pick(BODY_NAMES.filter((b) => b !== complained));
        return { id, addressee, complainedBody: complained };
      }
      case 'completeForward':
        return { id, outgoingNumber: 'ПР-1', sentOn: on, applicantNotifiedOn: on };
      case 'resolve':
        return { id, text: 'Резолюция', requestNeeded: rnd() < 0.5 };
      case 'sendReply':
        return { id, sentOn: on, form: pick(FORMS), signatory: 'Петров П.П.', result: pick(MERITS) };
      case 'saveReply':
        return { id, text: 'Уважаемый заявитель!' };
      case 'extend':
        return { id, days: int(1, 30), reason: 'Исключительный случай' };
      case 'notifyExtension':
        return { id, notifiedOn: on };
      default:
        return { id };
    }
  }

  /** A valid input for a request step. */
  function requestStep(action: string, c: Card, r: Card['requests'][number]): Record<string, unknown> {
    const id = r.id;
    switch (action) {
      case 'update':
        return {
          id,
          bodyId: pick(bodies),
          kind: pick(['deputy_request', 'documents_request']),
          text: 'Прошу',
        };
      case 'return':
      case 'cancel':
        return { id, comment: 'Доработать' };
      case 'send': {
        const extend = r.kind === 'documents_request' && c.extension === null && rnd() < 0.5;
        return { id, sentOn: today(), outgoingNumber: 'ЗП-1', ...(extend ? { extendDays: int(1, 30) } : {}) };
      }
      case 'recordAnswer':
        return { id, answeredOn: today(), incomingNumber: 'ВХ-1', summary: 'Ответ органа' };
      case 'resolveAnswer': {
        const others = c.requests.some((o) => o.id !== id && OPEN_REQUEST_STATES.includes(o.status));
        return { id, text: 'По ответу', next: others || rnd() < 0.3 ? 'request' : 'reply' };
      }
      default:
        return { id };
    }
  }

  /** Every step the card allows this person now, with valid inputs. */
  function allowed(c: Card, who: Person): Step[] {
    const desk = who.role !== 'deputy';
    const steps: Step[] = [];
    const add = (method: string, input: Record<string, unknown>) =>
      steps.push({ method: method as MethodName, input, who, weight: WEIGHT[method] ?? 2 });
    for (const a of c.actions)
      if (a !== 'submitReply' || c.reply?.text) add(`workflow.${a}`, appealStep(a, c));
    for (const r of c.requests)
      for (const a of r.actions)
        if (a !== 'submit' || (r.bodyId && r.text)) add(`requests.${a}`, requestStep(a, c, r));
    if (c.status === 'closed') return steps;
    if (desk && c.status === 'reply_draft') add('workflow.saveReply', appealStep('saveReply', c));
    if (desk && c.status === 'in_request') add('requests.create', { appealId: c.id });
    if (c.extension === null) add('workflow.extend', appealStep('extend', c));
    const owed = c.tasks.some((t) => t.kind === 'extension_notice' && t.status === 'open');
    if (desk && owed) add('workflow.notifyExtension', appealStep('notifyExtension', c));
    return steps;
  }

  /** A table step this person may not take now: the service must refuse it. */
  function notAllowed(c: Card, who: Person): Step | null {
    const steps: Step[] = [];
    for (const a of APPEAL_ACTIONS)
      if (!c.actions.includes(a) && !INTERNAL_ACTIONS.includes(a))
        steps.push({ method: `workflow.${a}` as MethodName, input: appealStep(a, c), who, weight: 1 });
    for (const r of c.requests)
      for (const a of REQUEST_ACTIONS)
        if (!r.actions.includes(a))
          steps.push({ method: `requests.${a}` as MethodName, input: requestStep(a, c, r), who, weight: 1 });
    return steps.length ? pick(steps) : null;
  }

  return { int, pick, pickWeighted, allowed, notAllowed };
}

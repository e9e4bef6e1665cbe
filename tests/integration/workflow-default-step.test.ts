import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEAL_STATES, type AppealState } from '../../shared/domain/workflow/appeal';
import {
  defaultRequestStep,
  defaultStep,
  DESTRUCTIVE_APPEAL_STEPS,
  DESTRUCTIVE_REQUEST_STEPS,
} from '../../shared/domain/workflow/default-step';
import { OPEN_REQUEST_STATES, type RequestState } from '../../shared/domain/workflow/request';
import { localDate } from '../../shared/util/clock';
import { appealInput, setUpOffice, type TestOffice } from './helpers';
import type { Card } from './workflow-steps';
import { BODY_NAMES, MERITS, mulberry32, walker, type Person } from './workflow-walk';

/**
 * The card's expected step (its primary button, Alt+Enter) is never one that withdraws, cancels or
 * refuses. A seeded walk takes appeals through every state of the appeal's and the request's tables;
 * in each, the card as every role reads it is asked for its default step.
 */

const SEED = 19_3;
const APPEALS = 24;
const STEPS = 1000;
const rnd = mulberry32(SEED);
let office: TestOffice;
let people: Person[];
const bodies: string[] = [];
const today = () => localDate(office.clock.now(), 'Europe/Moscow');
/** Appeals answered on the merits, by applicant: a third from the same person may end under part 5. */
const answered = new Map<string, string[]>();
const { int, pick, pickWeighted, allowed } = walker({ rnd, today, bodies, answered });

const cardAs = (id: string, who: Person) => office.value('appeals.get', { id }, who.token) as Promise<Card>;

/** A new appeal; half the time from an applicant already answered on the merits. */
async function register(): Promise<string> {
  const again =
    answered.size > 0 && rnd() < 0.5 ? { applicant: { contactId: pick([...answered.keys()]) } } : {};
  return (await office.value('appeals.register', appealInput(again), people[0]!.token)).id;
}

beforeAll(async () => {
  office = await setUpOffice('2026-01-12T06:00:00Z');
  people = [];
  const staff = { assistant: 'assistant', head: 'office_head', deputy: 'deputy' } as const;
  for (const [login, role] of Object.entries(staff)) {
    const user = await office.addUser(login, role);
    people.push({ id: user.id, login, role, token: user.token });
  }
  for (const name of BODY_NAMES)
    bodies.push((await office.value('bodies.create', { name, answerDays: 30 })).id);
});

afterAll(() => office.close());

/** Two appeals of one applicant answered on the merits, and a third from them sent to the deputy under part 5. */
async function partFive(): Promise<string> {
  const [desk, , deputy] = people as [Person, Person, Person];
  const done: string[] = [];
  let contactId: string | undefined;
  const steps: [Person, string, Record<string, unknown>][] = [
    [desk, 'workflow.sendToDeputy', {}],
    [deputy, 'workflow.resolve', { text: 'Ответить', requestNeeded: false }],
    [desk, 'workflow.saveReply', { text: 'Уважаемый заявитель!' }],
    [desk, 'workflow.submitReply', {}],
    [deputy, 'workflow.approveReply', {}],
    [
      desk,
      'workflow.sendReply',
      { sentOn: today(), form: 'post', signatory: 'Петров П.П.', result: 'explained' },
    ],
  ];
  for (let i = 0; i < 2; i++) {
    const c = await office.value(
      'appeals.register',
      appealInput(contactId ? { applicant: { contactId } } : {}),
      desk.token,
    );
    contactId = c.applicant.id;
    for (const [who, method, input] of steps)
      await office.value(method as 'workflow.sendToDeputy', { id: c.id, ...input } as never, who.token);
    done.push(c.id);
  }
  const third = await office.value(
    'appeals.register',
    appealInput({ applicant: { contactId: contactId! } }),
    desk.token,
  );
  await office.value(
    'workflow.applyArt11',
    {
      id: third.id,
      ground: 'p5',
      comment: 'Переписка',
      reportsCrime: false,
      readable: true,
      linkedAppealIds: done,
    } as never,
    desk.token,
  );
  return third.id;
}

describe('the default step', () => {
  it('is never destructive in any state, for any role', async () => {
    const ids: string[] = [];
    for (let i = 0; i < APPEALS; i++) ids.push(await register());
    ids.push(await partFive());
    const seenAppeal = new Set<AppealState>();
    const seenRequest = new Set<RequestState>();
    let destructiveOffered = 0;

    for (let s = 0; s < STEPS; s++) {
      const id = ids[int(0, ids.length - 1)]!;
      const cards = await Promise.all(people.map((p) => cardAs(id, p)));
      for (const [i, card] of cards.entries()) {
        const where = `step ${s}, ${card.status} as ${people[i]!.role}`;
        seenAppeal.add(card.status);
        const step = defaultStep(card);
        if (step?.scope === 'appeal') expect(DESTRUCTIVE_APPEAL_STEPS, where).not.toContain(step.action);
        if (step?.scope === 'request') expect(DESTRUCTIVE_REQUEST_STEPS, where).not.toContain(step.step);
        if (card.actions.some((a) => DESTRUCTIVE_APPEAL_STEPS.includes(a))) destructiveOffered += 1;
        for (const r of card.requests) {
          seenRequest.add(r.status);
          const own = defaultRequestStep(r.actions);
          if (own) expect(DESTRUCTIVE_REQUEST_STEPS, `${where}, request ${r.status}`).not.toContain(own);
          if (r.actions.includes('cancel')) destructiveOffered += 1;
          // A draft moves on to approval once it has what approval needs, not back to editing.
          if (r.status === 'draft' && r.actions.includes('submit'))
            expect(own, `${where}, a draft`).toBe('submit');
        }
      }
      const c = cards[int(0, cards.length - 1)]!;
      const who = people[cards.indexOf(c)]!;
      const steps = allowed(c, who);
      if (c.status === 'closed' || steps.length === 0) {
        if (c.status === 'closed')
          ids[ids.indexOf(id)] = (await office.value('appeals.register', appealInput(), people[0]!.token)).id;
        continue;
      }
      const step = pickWeighted(steps);
      const r = await office.call(step.method, step.input, step.who.token);
      if (!r.ok) throw new Error(`step ${s}: ${step.method} ${JSON.stringify(r.error)}`);
      const after = r.value as Card;
      if (after.status === 'closed' && MERITS.includes(after.result as never))
        answered.set(after.applicant.id, [...(answered.get(after.applicant.id) ?? []), id]);
    }

    // The walk saw every state, and the destructive steps were open beside the default many times.
    for (const st of APPEAL_STATES) expect(seenAppeal.has(st), st).toBe(true);
    for (const st of OPEN_REQUEST_STATES) expect(seenRequest.has(st), st).toBe(true);
    expect(destructiveOffered).toBeGreaterThan(20);
  }, 120_000);
});

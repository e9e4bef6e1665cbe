import type { Input, MethodName, Output } from '../../shared/api/index';
import { addCalendarDays } from '../../shared/domain/calendar';
import type { Rng } from './people';

type Call = <M extends MethodName>(method: M, input: Input<M>, token?: string) => Promise<Output<M>>;

/** A registered demo appeal: its id, its day, and the desk that took it. */
export interface DemoAppeal {
  id: string;
  registeredOn: string;
  deskToken: string;
}

const BODIES = [
  'Администрация городского округа',
  'Управляющая компания «Жилсервис»',
  'Министерство здравоохранения области',
  'Департамент образования',
];
const RESULTS = ['explained', 'supported', 'supported_measures_taken', 'not_supported'] as const;

const minDate = (a: string, b: string): string => (a < b ? a : b);

/**
 * Moves the demo's appeals along the workflow as an office would have by today, by their age: most of the
 * old ones answered and closed (some late), the middle ones at the deputy, in requests to outside bodies
 * (some of them unanswered past their term) or in replies; the newest still in review. So the deputy's
 * queue, the overdue lists and the office's workload all have something to show.
 */
export async function advanceDemoAppeals(
  call: Call,
  rng: Rng,
  appeals: readonly DemoAppeal[],
  today: string,
  deputyToken: string,
): Promise<void> {
  const desk = appeals[0]?.deskToken;
  if (!desk) return;
  const bodies: string[] = [];
  for (const name of BODIES) bodies.push((await call('bodies.create', { name }, desk)).id);

  const age = (a: DemoAppeal): number =>
    Math.round((Date.parse(today) - Date.parse(a.registeredOn)) / 86_400_000);
  const day = (a: DemoAppeal, plus: number): string => minDate(today, addCalendarDays(a.registeredOn, plus));

  const toDeputy = (a: DemoAppeal) => call('workflow.sendToDeputy', { id: a.id }, a.deskToken);
  const resolve = (a: DemoAppeal, requestNeeded: boolean) =>
    call(
      'workflow.resolve',
      {
        id: a.id,
        text: requestNeeded ? 'Направить запрос в уполномоченный орган' : 'Подготовить ответ заявителю',
        requestNeeded,
      },
      deputyToken,
    );
  const draftReply = async (a: DemoAppeal) => {
    await call(
      'workflow.saveReply',
      { id: a.id, text: 'Уважаемый заявитель! Сообщаем о результатах рассмотрения вашего обращения.' },
      a.deskToken,
    );
  };
  const submitReply = (a: DemoAppeal) => call('workflow.submitReply', { id: a.id }, a.deskToken);
  /** A request drafted and passed to the deputy; approved and sent when `sentOn` is given. */
  const request = async (a: DemoAppeal, sentOn: string | null) => {
    const card = await resolve(a, true);
    const r = card.requests.find((q) => q.status === 'draft')!;
    await call(
      'requests.update',
      { id: r.id, bodyId: rng.pick(bodies), text: 'Прошу рассмотреть и сообщить о принятых мерах.' },
      a.deskToken,
    );
    await call('requests.submit', { id: r.id }, a.deskToken);
    if (sentOn === null) return;
    await call('requests.approve', { id: r.id }, deputyToken);
    await call('requests.send', { id: r.id, sentOn, outgoingNumber: `ДЗ-${rng.int(100, 999)}` }, a.deskToken);
  };

  for (const a of appeals) {
    const days = age(a);
    const roll = rng.next();
    // The thresholds by age: [closed, request sent, request at the deputy, reply at the deputy, reply
    // drafting, resolution at the deputy]; what is left stays in review.
    const share = days >= 35 ? OLD : days >= 12 ? MIDDLE : days >= 5 ? RECENT : NEW;
    const step = share.findIndex((limit) => roll < limit);
    if (step === 0) {
      // Answered and closed; a few of them after the term.
      await toDeputy(a);
      await resolve(a, false);
      await draftReply(a);
      await submitReply(a);
      await call('workflow.approveReply', { id: a.id }, deputyToken);
      await call(
        'workflow.sendReply',
        {
          id: a.id,
          sentOn: day(a, rng.chance(0.1) ? rng.int(31, 40) : rng.int(8, 27)),
          form: rng.chance(0.6) ? 'post' : 'email',
          outgoingNumber: `ИСХ-${rng.int(100, 999)}`,
          signatory: 'Депутат',
          result: rng.pick(RESULTS),
        },
        a.deskToken,
      );
      continue;
    }
    if (step < 0) continue;
    await toDeputy(a);
    if (step === 1) await request(a, day(a, rng.int(2, 5)));
    else if (step === 2) await request(a, null);
    else if (step === 3 || step === 4) {
      await resolve(a, false);
      await draftReply(a);
      if (step === 3) await submitReply(a);
    }
  }
}

/** Cumulative shares of the steps above, by the appeal's age in days. */
const OLD = [0.82, 0.9, 0.9, 0.9, 0.93, 0.96];
const MIDDLE = [0.3, 0.55, 0.6, 0.66, 0.78, 0.86];
const RECENT = [0, 0.1, 0.2, 0.3, 0.45, 0.65];
const NEW = [0, 0, 0, 0, 0, 0.3];

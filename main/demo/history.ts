import type { Input, MethodName, Output } from '../../shared/api/index';
import { addCalendarDays } from '../../shared/domain/calendar';
import type { Rng } from './people';

/**
 * The office's months behind it, for the statistics: the older appeals answered the way the desk answers
 * them (the deputy's resolution, a request to an outside body for some, the reply approved and sent, a
 * few of them late), and the applicants' districts written on their cards. Everything through the API.
 */

type Call = <M extends MethodName>(method: M, input: Input<M>, token?: string) => Promise<Output<M>>;

export interface Registered {
  id: string;
  registeredOn: string;
  applicantId: string;
  local: boolean;
}

const BODIES = [
  'Администрация города',
  'Управление ЖКХ администрации города',
  'Государственная жилищная инспекция',
  'Министерство социальной защиты населения',
  'Министерство здравоохранения области',
];
const DISTRICTS = ['Центральный', 'Заречный', 'Северный', 'Ленинский', 'Пролетарский'];
const RESULTS: [Input<'workflow.sendReply'>['result'], number][] = [
  ['explained', 45],
  ['supported', 20],
  ['supported_measures_taken', 15],
  ['not_supported', 20],
];

const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Gives most applicants from the office's own city a district, as the desk fills it from the address. */
export async function placeApplicants(call: Call, rng: Rng, appeals: Registered[], token: string) {
  const seen = new Set<string>();
  for (const a of appeals) {
    if (!a.local || seen.has(a.applicantId) || !rng.chance(0.85)) continue;
    seen.add(a.applicantId);
    await call('contacts.update', { id: a.applicantId, fields: { district: rng.pick(DISTRICTS) } }, token);
  }
}

/** Answers a share of the appeals older than two weeks; a quarter of those go through a request first. */
export async function answerAppeals(
  call: Call,
  rng: Rng,
  appeals: Registered[],
  share: number,
  today: string,
  desk: string,
  deputy: string,
): Promise<number> {
  const bodies: string[] = [];
  for (const name of BODIES) bodies.push((await call('bodies.create', { name, answerDays: 30 }, desk)).id);
  let answered = 0;
  for (const a of appeals) {
    if (a.registeredOn > addCalendarDays(today, -14) || !rng.chance(share)) continue;
    await call('workflow.sendToDeputy', { id: a.id }, desk);
    const viaRequest = rng.chance(0.25);
    const c = await call(
      'workflow.resolve',
      {
        id: a.id,
        text: viaRequest ? 'Запросить информацию' : 'Подготовить ответ',
        requestNeeded: viaRequest,
      },
      deputy,
    );
    let ready = addCalendarDays(a.registeredOn, rng.int(3, 8));
    if (viaRequest) {
      const requestId = c.requests[0]!.id;
      await call(
        'requests.update',
        {
          id: requestId,
          bodyId: rng.pick(bodies),
          kind: 'deputy_request',
          text: 'Прошу сообщить о принятых мерах.',
        },
        desk,
      );
      await call('requests.submit', { id: requestId }, desk);
      await call('requests.approve', { id: requestId }, deputy);
      const sentOn = earlier(ready, today);
      await call('requests.send', { id: requestId, sentOn, outgoingNumber: `${rng.int(100, 999)}-з` }, desk);
      const answeredOn = addCalendarDays(sentOn, rng.int(7, 35));
      // Some bodies are still silent: those requests stay open (and a few are overdue).
      if (answeredOn > today || rng.chance(0.2)) continue;
      await call(
        'requests.recordAnswer',
        { id: requestId, answeredOn, incomingNumber: `вх-${rng.int(1000, 9999)}`, summary: 'Меры приняты.' },
        desk,
      );
      await call(
        'requests.resolveAnswer',
        { id: requestId, text: 'Ответить заявителю', next: 'reply' },
        deputy,
      );
      ready = answeredOn;
    }
    const sentOn = earlier(addCalendarDays(ready, rng.int(2, viaRequest ? 6 : 30)), today);
    await call('workflow.saveReply', { id: a.id, text: 'Уважаемый заявитель! Сообщаем…' }, desk);
    await call('workflow.submitReply', { id: a.id }, desk);
    await call('workflow.approveReply', { id: a.id }, deputy);
    await call(
      'workflow.sendReply',
      {
        id: a.id,
        sentOn,
        form: rng.chance(0.6) ? 'post' : 'email',
        outgoingNumber: `${rng.int(100, 999)}-о`,
        signatory: 'Депутат',
        result: rng.weighted(RESULTS),
      },
      desk,
    );
    answered++;
  }
  return answered;
}

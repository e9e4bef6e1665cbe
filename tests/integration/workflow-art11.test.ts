import { describe, expect, it } from 'vitest';
import type { Art11Ground } from '../../shared/domain/workflow/art11';
import { appealInput, dumpTables } from './helpers';
import { answerOnMerits, openDesk, openTasks, type Desk } from './workflow-steps';

/**
 * 59-FZ Art. 11, one ground at a time (DOMAIN §3): the state it leads to, the notice task and its due
 * date, and the close without an answer. Dates are worked out by hand from resources/calendar/2026.json:
 * 23 February and 9 March 2026 are Monday holidays, and there are no working Saturdays.
 */

async function noticeSent(d: Desk, id: string) {
  return d.o.call(
    'workflow.sendArt11Notice',
    { id, sentOn: d.today, form: 'post', outgoingNumber: 'ИСХ-11' },
    d.assistant.token,
  );
}

const NOTICE_CASES: [Art11Ground, string, 'previous' | 'next', string, string, string][] = [
  // ground, registered on, office shift, control date of the appeal, due date of the notice, why
  ['p2', '2026-01-30', 'previous', '2026-02-27', '2026-02-06', '7th day: Friday 6 February'],
  ['p4', '2026-02-16', 'previous', '2026-03-18', '2026-02-20', '7th day: 23 February, a holiday → Fri 20th'],
  ['p4_1', '2026-02-16', 'next', '2026-03-18', '2026-02-24', '7th day: 23 February → Tue 24th, shift "next"'],
  ['p5_1', '2026-03-02', 'previous', '2026-04-01', '2026-03-06', '7th day: 9 March, a holiday → Fri 6th'],
  ['p3', '2026-01-30', 'previous', '2026-02-27', '2026-02-27', 'review term: Sunday 1 March → Fri 27 Feb'],
  ['p3', '2026-01-30', 'next', '2026-03-02', '2026-03-02', 'review term: Sunday 1 March → Mon 2 March'],
  ['p6', '2026-02-13', 'previous', '2026-03-13', '2026-03-13', 'review term: Sunday 15 March → Fri 13th'],
];

describe('Art. 11 grounds with a notice to the applicant', () => {
  it.each(NOTICE_CASES)(
    '%s, registered %s (shift %s): control %s, notice due %s — %s',
    async (ground, registeredOn, shift, controlDate, noticeDue) => {
      const d = await openDesk(registeredOn, shift);
      const a = await d.register(registeredOn);
      expect(a.dueDate).toBe(controlDate);
      let c = await d.o.call(
        'workflow.applyArt11',
        {
          id: a.id,
          ground,
          comment: 'Основание ст. 11 59-ФЗ',
          // Part 5.1 names the page where the answer is published.
          ...(ground === 'p5_1' ? { publishedAnswerUrl: 'https://deputat.example.ru/otvety/1' } : {}),
        },
        d.assistant.token,
      );
      expect(c).toMatchObject({ status: 'art11_notice', art11: { ground, linkedAppealIds: [] } });
      expect(c.actions).toEqual(['sendArt11Notice']);
      expect(openTasks(c)).toEqual([['art11_notice', d.assistant.id, noticeDue]]);

      await d.day(noticeDue);
      c = await noticeSent(d, a.id);
      expect(c).toMatchObject({
        status: 'closed',
        result: 'left_without_answer',
        closedOn: noticeDue,
        reviewedLate: false,
        notice: { sentOn: noticeDue, form: 'post', outgoingNumber: 'ИСХ-11' },
      });
      expect(openTasks(c)).toEqual([]);
      expect(c.actions).toEqual([]);
    },
  );
});

describe('Art. 11 part 1: no surname or no address for the reply', () => {
  it('closes at once: no notice is possible', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13', { applicant: { firstName: 'Аноним' } });
    expect(a.art11Warnings).toEqual(['no_surname', 'no_reply_address']);
    const c = await d.o.call(
      'workflow.applyArt11',
      { id: a.id, ground: 'p1', comment: 'Нет фамилии и адреса' },
      d.assistant.token,
    );
    expect(c).toMatchObject({ status: 'closed', result: 'left_without_answer', closedOn: '2026-02-13' });
    expect(c.notice).toBeNull();
    expect(openTasks(c)).toEqual([]);
    const err = await d.o.fail('workflow.sendArt11Notice', { id: a.id, sentOn: d.today, form: 'post' });
    expect(err).toMatchObject({ code: 'invalid_state', field: 'id' });
  });

  it('closes from the wait for contact data, when the applicant never sent it', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13', { applicant: { lastName: 'Безадресов' } });
    let c = await d.o.call(
      'workflow.requestContactData',
      { id: a.id, comment: 'Позвонить' },
      d.assistant.token,
    );
    expect(c.status).toBe('awaiting_contact_data');
    await d.day('2026-02-27');
    c = await d.o.call(
      'workflow.applyArt11',
      { id: a.id, ground: 'p1', comment: 'Адрес не сообщён' },
      d.assistant.token,
    );
    expect(c).toMatchObject({ status: 'closed', result: 'left_without_answer', closedOn: '2026-02-27' });
    expect(openTasks(c)).toEqual([]);
  });

  it('with a crime reported, goes to the competent body within 7 days and closes as forwarded', async () => {
    const d = await openDesk('2026-02-16');
    const a = await d.register('2026-02-16', { applicant: { firstName: 'Аноним' } });
    let c = await d.o.call(
      'workflow.applyArt11',
      { id: a.id, ground: 'p1', comment: 'Сообщение о преступлении', reportsCrime: true },
      d.assistant.token,
    );
    expect(c.status).toBe('forwarding');
    // 7 days from 16 February: Monday 23rd is a holiday → Friday 20th.
    expect(openTasks(c)).toEqual([['forward', d.assistant.id, '2026-02-20']]);
    // No addressee named yet: the letter cannot go out, and the card does not offer it.
    expect(c.actions).toEqual(['forward']);
    const refused = { id: a.id, outgoingNumber: 'ИСХ-3', sentOn: d.today, applicantNotifiedOn: d.today };
    expect(await d.o.fail('workflow.completeForward', refused, d.assistant.token)).toMatchObject({
      code: 'invalid_state',
    });
    c = await d.o.call(
      'workflow.forward',
      { id: a.id, addressee: 'УМВД России по Тверской области' },
      d.assistant.token,
    );
    expect(c.status).toBe('forwarding');
    expect(c.actions).toEqual(['completeForward', 'forward']);
    expect(openTasks(c)).toEqual([['forward', d.assistant.id, '2026-02-20']]);
    await d.day('2026-02-19');
    c = await d.o.call(
      'workflow.completeForward',
      { id: a.id, outgoingNumber: 'ИСХ-3', sentOn: '2026-02-19', applicantNotifiedOn: '2026-02-19' },
      d.assistant.token,
    );
    expect(c).toMatchObject({
      status: 'closed',
      result: 'forwarded',
      art11: { ground: 'p1' },
      forward: { addressee: 'УМВД России по Тверской области', outgoingNumber: 'ИСХ-3' },
    });
    expect(openTasks(c)).toEqual([]);
  });
});

describe('Art. 11 part 4: the text cannot be read', () => {
  it('closes at once when the name and address cannot be read either', async () => {
    const d = await openDesk('2026-02-16');
    const a = await d.register('2026-02-16');
    const c = await d.o.call(
      'workflow.applyArt11',
      { id: a.id, ground: 'p4', comment: 'Текст не поддаётся прочтению', readable: false },
      d.assistant.token,
    );
    expect(c).toMatchObject({ status: 'closed', result: 'left_without_answer', art11: { ground: 'p4' } });
    expect(openTasks(c)).toEqual([]);
  });
});

describe('Art. 11 part 5: the same question answered on the merits more than once', () => {
  async function applicantAnsweredTwice() {
    const d = await openDesk('2026-01-12');
    const first = await d.register('2026-01-12');
    const applicant = { contactId: first.applicant.id };
    expect(await answerOnMerits(d, first.id, 'explained')).toMatchObject({ result: 'explained' });
    await d.day('2026-01-20');
    const second = await d.register('2026-01-20', { applicant });
    await answerOnMerits(d, second.id, 'not_supported');
    await d.day('2026-02-16');
    const third = await d.register('2026-02-16', { applicant });
    return { d, earlier: [first.id, second.id], third, applicant };
  }

  it('goes to the deputy, who ends the correspondence; the notice is due within the review term', async () => {
    const { d, earlier, third } = await applicantAnsweredTwice();
    const input = {
      id: third.id,
      ground: 'p5' as const,
      comment: 'Вопрос уже разрешён',
      linkedAppealIds: earlier,
    };
    let c = await d.o.call('workflow.applyArt11', input, d.assistant.token);
    expect(c).toMatchObject({ status: 'art11_decision', art11: { ground: 'p5', linkedAppealIds: earlier } });
    // The deputy's stage limit: 3 working days after Monday 16 February → Thursday 19th.
    expect(openTasks(c)).toEqual([['art11_decision', d.deputy.id, '2026-02-19']]);
    const queue = await d.o.call('workflow.deputyQueue', {}, d.deputy.token);
    expect(queue.map((q) => [q.id, q.waitingFor])).toEqual([[third.id, 'art11_decision']]);
    const decision = { id: third.id, approve: true, text: 'Прекратить переписку' };
    expect(await d.o.fail('workflow.decideArt11', decision, d.assistant.token)).toMatchObject({
      code: 'forbidden',
    });

    c = await d.o.call('workflow.decideArt11', decision, d.deputy.token);
    expect(c.status).toBe('art11_notice');
    expect(c.resolutions.map((r) => r.decision)).toEqual(['end_correspondence']);
    // Part 5 has no term of its own: 30 days from 16 February → Wednesday 18 March.
    expect(openTasks(c)).toEqual([['art11_notice', d.assistant.id, '2026-03-18']]);
    await d.day('2026-02-18');
    c = await noticeSent(d, third.id);
    expect(c).toMatchObject({ status: 'closed', result: 'left_without_answer', closedOn: '2026-02-18' });
    expect(openTasks(c)).toEqual([]);
  });

  it('goes back to review when the deputy does not end the correspondence', async () => {
    const { d, earlier, third } = await applicantAnsweredTwice();
    const input = { id: third.id, ground: 'p5' as const, comment: 'Повтор', linkedAppealIds: earlier };
    await d.o.call('workflow.applyArt11', input, d.assistant.token);
    const c = await d.o.call(
      'workflow.decideArt11',
      { id: third.id, approve: false, text: 'Есть новые доводы, рассмотреть' },
      d.deputy.token,
    );
    expect(c).toMatchObject({ status: 'registered', art11: null });
    // The review stage limit: 2 working days after Monday 16 February.
    expect(openTasks(c)).toEqual([['review', d.assistant.id, '2026-02-18']]);
  });

  it('is refused without earlier answers on the merits of the same applicant, naming linkedAppealIds', async () => {
    const { d, earlier, third } = await applicantAnsweredTwice();
    const other = await d.register('2026-02-16');
    await answerOnMerits(d, other.id);
    const noAnswer = await d.register('2026-02-16', { applicant: { contactId: third.applicant.id } });
    await d.o.call(
      'workflow.applyArt11',
      { id: noAnswer.id, ground: 'p2', comment: 'Суд' },
      d.assistant.token,
    );
    const before = dumpTables(d.o.handle.sqlite);
    for (const linkedAppealIds of [
      [],
      // «Неоднократно»: one earlier answer, even named twice, is not enough.
      [earlier[0]!],
      [earlier[1]!, earlier[1]!],
      [other.id],
      [earlier[0]!, other.id],
      [earlier[0]!, noAnswer.id],
      [third.id],
    ]) {
      const input = { id: third.id, ground: 'p5', comment: 'Повтор', linkedAppealIds };
      expect(await d.o.fail('workflow.applyArt11', input, d.assistant.token)).toMatchObject({
        code: 'validation',
        field: 'linkedAppealIds',
      });
    }
    const notPart5 = { id: third.id, ground: 'p2', comment: 'Суд', linkedAppealIds: earlier };
    expect(await d.o.fail('workflow.applyArt11', notPart5, d.assistant.token)).toMatchObject({
      field: 'linkedAppealIds',
    });
    expect(dumpTables(d.o.handle.sqlite)).toBe(before);
  });
});

describe('Art. 11 part 7: the appeal sent again once the reason is gone', () => {
  it('registers a resubmission linked to the appeal closed under Art. 11', async () => {
    const d = await openDesk('2026-02-13');
    const old = await d.register('2026-02-13', { applicant: { firstName: 'Иван' } });
    await d.o.call(
      'workflow.applyArt11',
      { id: old.id, ground: 'p1', comment: 'Нет фамилии' },
      d.assistant.token,
    );
    await d.day('2026-03-02');
    const again = await d.register('2026-03-02', {
      applicant: { contactId: old.applicant.id, lastName: 'Иванов', address: 'г. Тверь, ул. Лесная, 1' },
      resubmissionOf: old.id,
    });
    // 30 days from 2 March: Wednesday 1 April.
    expect(again).toMatchObject({ status: 'registered', resubmissionOf: old.id, dueDate: '2026-04-01' });
    expect(openTasks(again).map(([kind]) => kind)).toEqual(['review']);
  });

  it('refuses a resubmission of an appeal not closed under Art. 11, naming resubmissionOf', async () => {
    const d = await openDesk('2026-02-13');
    const answered = await d.register('2026-02-13');
    await answerOnMerits(d, answered.id);
    const open = await d.register('2026-02-13');
    const leftOther = await d.register('2026-02-13');
    await d.o.call(
      'workflow.applyArt11',
      { id: leftOther.id, ground: 'p4', comment: '-', readable: false },
      d.assistant.token,
    );
    const before = dumpTables(d.o.handle.sqlite);
    for (const [old, contactId] of [
      [answered.id, answered.applicant.id],
      [open.id, open.applicant.id],
      [leftOther.id, answered.applicant.id],
    ] as const) {
      const input = appealInput({ registeredOn: d.today, applicant: { contactId }, resubmissionOf: old });
      expect(await d.o.fail('appeals.register', input, d.assistant.token)).toMatchObject({
        code: 'validation',
        field: 'resubmissionOf',
      });
    }
    expect(dumpTables(d.o.handle.sqlite)).toBe(before);
  });
});

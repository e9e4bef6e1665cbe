import { compose, pdfBytes } from '../fixtures/mail/messages';
import { mailboxFor, startDovecot, type Dovecot } from '../integration/dovecot';
import { accountFor } from '../integration/smtp-listener';
import { smtpListenerPerTest } from './mail-listener';
import { expect, signIn, test } from './fixtures';

/**
 * A body answers by e-mail a request the office sent from the card: the answer arrives in «Входящие»
 * linked to the request by its Message-ID, and the assistant records it as the request's answer there.
 */

const DEPUTY = { login: 'ivanov', fullName: 'Иванов Иван Иванович', password: 'deputy-pass-1' };
const smtp = smtpListenerPerTest();
let server: Dovecot;
test.beforeAll(async () => {
  server = await startDovecot();
});
test.afterAll(async () => server?.stop());

test('a body’s e-mailed answer is recorded on its request from «Входящие»', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  await app.call('users.create', { ...DEPUTY, role: 'deputy' });
  await app.call('mail.account.save', accountFor(smtp.current()));
  const card = await app.call('appeals.register', {
    channel: 'post',
    kind: 'complaint',
    summary: 'Протекает кровля',
    applicant: { lastName: 'Орлова', firstName: 'Нина', address: 'г. Москва, ул. Лесная, д. 5, кв. 9' },
  });
  await app.call('workflow.sendToDeputy', { id: card.id });
  const resolved = await app.call(
    'workflow.resolve',
    { id: card.id, text: 'Запросить', requestNeeded: true },
    DEPUTY.login,
  );
  const requestId = resolved.requests[0]!.id;
  const body = await app.call('bodies.create', {
    name: 'Управа района Лесной',
    answerDays: 30,
    email: 'uprava@example.ru',
  });
  await app.call('requests.update', {
    id: requestId,
    bodyId: body.id,
    kind: 'deputy_request',
    text: 'Прошу сообщить сроки ремонта.',
  });
  await app.call('requests.submit', { id: requestId });
  await app.call('requests.approve', { id: requestId }, DEPUTY.login);
  const draft = await app.call('mail.draft', {
    appealId: card.id,
    kind: 'request',
    requestId,
    outgoingNumber: 'ИСХ-3',
  });
  const sent = await app.call('mail.send', {
    appealId: card.id,
    kind: 'request',
    requestId,
    subject: draft.subject,
    body: draft.body,
    outgoingNumber: 'ИСХ-3',
  });

  const user = server.addUser(`answer-${testInfo.workerIndex}-${Date.now()}@example.ru`, 'pw-answer');
  await server.append(user, [
    await compose({
      from: 'Управа района Лесной <uprava@example.ru>',
      to: 'priem@example.ru',
      subject: 'Ответ на депутатский запрос',
      inReplyTo: sent.messageId!,
      references: [sent.messageId!],
      text: 'Ремонт кровли дома 5 включён в план на II квартал.',
      attachments: [{ filename: 'ответ управы.pdf', content: pdfBytes('ответ') }],
    }),
  ]);
  await app.call('mail.saveMailbox', mailboxFor(server, user));

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+M');
  await expect(page.getByText('Писем нет.')).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByText('Новых писем: 1')).toBeVisible();
  // Linked to its request on arrival, the message is listed among the linked ones, not the new.
  await page.locator('#mail-state').selectOption('linked');
  const pane = page.getByTestId('intake-item');
  await expect(pane.getByRole('heading', { name: 'Ответ на депутатский запрос' })).toBeVisible();
  await pane.getByRole('button', { name: 'Записать как ответ на запрос' }).click();
  await expect(page.locator('#intake-answer-number')).toBeFocused();
  await expect(page.locator('#intake-answer-summary')).toHaveValue(/включён в план/);
  await page.keyboard.type('01-15/77');
  await page.screenshot({ path: testInfo.outputPath('inbox-answer-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('inbox-answer-1024.png') });
  await page.keyboard.press('Enter');
  await expect(pane.getByText('Ответ записан, файлов приложено к запросу: 1')).toBeVisible();
  const request = (await app.call('appeals.get', { id: card.id })).requests[0]!;
  expect(request).toMatchObject({ answerNumber: '01-15/77' });
});

import { mailboxFor, startDovecot, type Dovecot } from '../integration/dovecot';
import { compose, pdfBytes, pngBytes } from '../fixtures/mail/messages';
import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

/**
 * «Входящие» from a real IMAP server, keyboard first: the mail is checked (F5), a message opened, and
 * registered in one step — the form comes filled from it (channel e-mail, the applicant found by the
 * address, the subject as summary, the body as text), Ctrl+Enter saves, and the card shows the channel,
 * the applicant and the message's files.
 */

let server: Dovecot;
test.beforeAll(async () => {
  server = await startDovecot();
});
test.afterAll(async () => server?.stop());

test('open a message, register it with the keyboard: the card has channel e-mail, the applicant found by e-mail and the files', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  const user = server.addUser(`e2e-${testInfo.workerIndex}-${Date.now()}@example.ru`, 'pw-e2e');
  await server.append(user, [
    await compose({
      from: '"Сидорова Анна Петровна" <anna.sidorova@example.ru>',
      to: 'priem@example.ru',
      subject: 'Сломана детская площадка',
      text: 'Во дворе дома 5 по ул. Лесной сломаны качели.\nПрошу принять меры.',
      attachments: [
        { filename: 'заявление.pdf', content: pdfBytes('заявление') },
        { filename: 'фото качелей.png', content: pngBytes(5) },
      ],
    }),
    await compose({
      from: 'Рассылка <news@shop.example.com>',
      to: 'priem@example.ru',
      subject: 'Скидки недели',
      html: '<p>Только сегодня <b>скидки</b>!</p>',
    }),
  ]);
  await app.call('mail.saveMailbox', mailboxFor(server, user));
  const known = await app.call('contacts.create', {
    lastName: 'Сидорова',
    firstName: 'Анна',
    middleName: 'Петровна',
    email: 'anna.sidorova@example.ru',
    address: 'г. Москва, ул. Лесная, д. 5, кв. 3',
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+M');
  await expect(page.getByRole('heading', { name: 'Входящие', level: 1 })).toBeVisible();
  await expect(page.getByText('Писем нет.')).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByText('Новых писем: 2')).toBeVisible();

  const list = page.getByRole('grid', { name: 'Письма' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list).toBeFocused();
  // Newest first (both came within the same second here): move to the newsletter, mark it not an appeal.
  const pane = page.getByTestId('intake-item');
  await expect(pane.getByRole('heading', { level: 2 })).toBeVisible();
  if ((await list.getByRole('row').nth(1).textContent())?.includes('Сидорова'))
    await page.keyboard.press('ArrowDown');
  await expect(pane.getByRole('heading', { name: 'Скидки недели' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.locator('#intake-reason')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // Спам → Рассылка
  await page.keyboard.press('Tab');
  await page.keyboard.type('акции магазина');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('row')).toHaveCount(2);

  await list.focus();
  await expect(pane.getByRole('heading', { name: 'Сломана детская площадка' })).toBeVisible();
  await expect(pane.getByTestId('intake-files')).toContainText('заявление.pdf');
  await expect(pane.getByTestId('intake-body')).toContainText('сломаны качели');
  await page.screenshot({ path: testInfo.outputPath('inbox-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('inbox-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });

  await list.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Регистрация обращения' })).toBeVisible();
  await expect(page.getByTestId('register-intake')).toContainText('Сломана детская площадка');
  await expect(page.getByTestId('register-intake')).toContainText('2');
  await expect(page.locator('#reg-channel')).toHaveValue('email');
  await expect(page.locator('#reg-lastName')).toHaveValue('Сидорова');
  await expect(page.locator('#reg-email')).toHaveValue('anna.sidorova@example.ru');
  await expect(page.locator('#reg-summary')).toHaveValue('Сломана детская площадка');
  await expect(page.locator('#reg-text')).toHaveValue(/сломаны качели/);
  await page.screenshot({ path: testInfo.outputPath('inbox-register-1366.png') });
  // Everything stays editable: the summary is made more precise before saving.
  await page.locator('#reg-summary').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' во дворе');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved')).toContainText('Обращение зарегистрировано');
  await page.keyboard.press('Enter');

  await expect(page.getByText('Электронная почта').first()).toBeVisible();
  await expect(page.getByText('Сидорова Анна Петровна').first()).toBeVisible();
  const files = page.getByRole('list', { name: 'Прикреплённые файлы' });
  await expect(files).toContainText('заявление.pdf');
  await expect(files).toContainText('фото качелей.png');

  const dismissed = (await app.call('mail.intake', { state: 'not_appeal' })).rows;
  expect(dismissed.map((r) => r.subject)).toEqual(['Скидки недели']);
  expect((await app.call('mail.intakeItem', { id: dismissed[0]!.id })).reason).toBe(
    'newsletter: акции магазина',
  );
  const appeals = await app.call('appeals.list', {});
  const row = (appeals as { rows: { id: string; summary: string }[] }).rows[0]!;
  expect(row.summary).toBe('Сломана детская площадка во дворе');
  const card = await app.call('appeals.get', { id: row.id });
  expect(card).toMatchObject({ channel: 'email', applicant: { id: known.id } });

  // The message now says what became of it.
  await page.keyboard.press('Alt+M');
  await page.locator('#mail-state').selectOption('');
  const registered = page.getByRole('grid', { name: 'Письма' }).getByRole('row', { name: /Сломана/ });
  await expect(registered).toContainText('Зарегистрировано');
});

test('Settings → Почтовые ящики: a wrong password is named in plain words, a right one is saved', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  const user = server.addUser(`set-${testInfo.workerIndex}-${Date.now()}@example.ru`, 'pw-set');
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Почтовые ящики');
  await page.getByRole('button', { name: 'Добавить ящик' }).click();
  await expect(page.locator('#mbx-name')).toBeFocused();
  await page.keyboard.type('Приёмная');
  await page.locator('#mbx-host').fill('127.0.0.1');
  await page.locator('#mbx-port').fill(String(server.port));
  await page.locator('#mbx-security').selectOption('none');
  await page.locator('#mbx-login').fill(user.login);
  await page.locator('#mbx-password').fill('неверный');
  await page.getByRole('button', { name: 'Проверить подключение' }).click();
  await expect(page.getByTestId('mailbox-check')).toHaveText(/Неверный логин или пароль/);
  await page.locator('#mbx-password').fill(user.password);
  await page.getByRole('button', { name: 'Проверить подключение' }).click();
  await expect(page.getByTestId('mailbox-check')).toHaveText(/Подключение работает/);
  await page.screenshot({ path: testInfo.outputPath('mailboxes-editor-1366.png') });
  await page.getByRole('button', { name: 'Сохранить', exact: true }).first().click();
  await expect(page.getByTestId('mailbox')).toContainText('Приёмная');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('mailboxes-1024.png') });
  const saved = await app.call('mail.mailboxes', {});
  expect(saved.mailboxes.map((m) => [m.name, m.login, m.port])).toEqual([
    ['Приёмная', user.login, server.port],
  ]);
});

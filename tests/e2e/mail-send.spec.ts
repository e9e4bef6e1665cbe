import { createHash } from 'node:crypto';
import { DOCX_MIME } from '../../shared/api/documents';
import { accountFor } from '../integration/smtp-listener';
import { smtpListenerPerTest } from './mail-listener';
import { expect, signIn, test, type App } from './fixtures';
import { openSettings } from './settings-nav';

const DEPUTY = {
  login: 'deputy',
  fullName: 'Иванов Иван Иванович',
  role: 'deputy',
  password: 'deputy-pass-12',
} as const;
const SHOTS = process.env.MAIL_SHOTS_DIR;

const smtp = smtpListenerPerTest();

/** An e-mail appeal whose reply the deputy has approved: the step the card now owes is the reply. */
async function approvedReply(app: App) {
  await app.setUp();
  await app.call('users.create', DEPUTY);
  const card = await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'email',
    kind: 'complaint',
    summary: 'Не вывозят мусор',
    applicant: { lastName: 'Кузнецова', firstName: 'Анна', email: 'kuznetsova@example.ru' },
  });
  await app.call('workflow.sendToDeputy', { id: card.id });
  await app.call('workflow.resolve', { id: card.id, text: 'Ответить', requestNeeded: false }, DEPUTY.login);
  await app.call('workflow.saveReply', { id: card.id, text: 'Уважаемая Анна! Вывоз восстановлен.' });
  await app.call('workflow.submitReply', { id: card.id });
  await app.call('workflow.approveReply', { id: card.id }, DEPUTY.login);
  return card;
}

test('the approved reply goes out by e-mail from the card: the letter attached, the number in the subject, the send recorded', async ({
  app,
  page,
}) => {
  const listener = smtp.current();
  const card = await approvedReply(app);
  await app.open(page);
  await signIn(page);

  // Settings → Отправка почты: the account, a wrong password said in plain words, then the right one.
  await openSettings(page, 'Отправка почты');
  const panel = page.getByRole('region', { name: 'Отправка почты' });
  const account = accountFor(listener);
  await panel.getByLabel('Сервер SMTP').fill(account.host);
  await panel.getByLabel('Порт').fill(String(account.port));
  await panel.getByLabel('Защита соединения').selectOption('none');
  await panel.getByLabel('Логин').fill(account.login);
  await panel.getByLabel('Пароль').fill('wrong-password');
  await panel.getByLabel('Имя отправителя').fill(account.fromName);
  await panel.getByLabel('Адрес отправителя').fill(account.fromAddress);
  await panel.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(panel.getByText('Настройки отправки почты сохранены.')).toBeVisible();
  await panel.getByRole('button', { name: 'Проверить соединение' }).click();
  await expect(panel.getByText(/отклонил логин или пароль/)).toBeVisible();
  await panel.getByLabel('Пароль').fill(account.password);
  await panel.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(panel.getByText(/Пароль сохранён/)).toBeVisible();
  await panel.getByRole('button', { name: 'Проверить соединение' }).click();
  await expect(panel.getByText('Соединение установлено, сервер принимает вход.')).toBeVisible();
  // The office's own subject for the reply, its fields filled on the card.
  const templates = panel.getByRole('form', { name: 'Тексты писем по e-mail' });
  await templates.getByLabel('Тема').fill('Ответ приёмной: № {{обращение_номер}}{{исх}}');
  await templates.getByRole('button', { name: 'Сохранить текст' }).click();
  await expect(templates.getByText('Текст письма сохранён.')).toBeVisible();
  await expect(templates.getByText('текст приёмной')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/mail-settings.png`, fullPage: true });

  // The card: «Отправить по e-mail», the applicant's address and the template's subject proposed.
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Кузнецова' }).dblclick();
  await page.getByRole('button', { name: 'Отправить по e-mail' }).click();
  const dialog = page.getByRole('dialog', { name: 'Отправить по e-mail' });
  await expect(dialog.getByLabel('Кому (e-mail)')).toHaveValue('kuznetsova@example.ru');
  await dialog.getByLabel('Исходящий номер').fill('ИСХ-15');
  await expect(dialog.getByLabel('Тема')).toHaveValue(`Ответ приёмной: № ${card.regNumber}, исх. № ИСХ-15`);
  // The reply needs its signatory and result: the server's refusal names the field on screen.
  await dialog.getByLabel('Результат рассмотрения').selectOption({ label: 'Разъяснено' });
  await dialog.getByRole('button', { name: 'Отправить' }).click();
  await expect(dialog.getByText(/Подписал/).last()).toBeVisible();
  await expect(dialog.getByLabel('Подписал')).toBeFocused();
  expect(listener.messages).toHaveLength(0);
  await dialog.getByLabel('Подписал').fill('Иванов И. И.');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/mail-dialog.png` });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Письмо отправлено: kuznetsova@example.ru.')).toBeVisible();

  // The listener took it: to the applicant, the numbers in the subject, the letter as DOCX attached.
  expect(listener.messages).toHaveLength(1);
  expect(listener.messages[0]!.to).toEqual(['kuznetsova@example.ru']);
  const mail = await listener.parsed(0);
  expect(mail.subject).toContain(card.regNumber);
  expect(mail.subject).toContain('ИСХ-15');
  const docx = mail.attachments.find((a) => a.contentType === DOCX_MIME);
  expect(docx).toBeDefined();
  const kept = app.office.store.read.sqlite
    .prepare('SELECT sha256 FROM attachments WHERE appeal_id = ?')
    .pluck()
    .all(card.id);
  expect(kept).toContain(createHash('sha256').update(docx!.content).digest('hex'));

  // The card records the send: the Message-ID in its e-mails and on its timeline, the reply sent today by e-mail.
  const outbox = page.getByRole('region', { name: 'Письма по e-mail' });
  await expect(outbox.getByTestId('outbox-item')).toContainText('отправлено');
  await expect(outbox.getByTestId('outbox-item')).toContainText(mail.messageId!);
  await expect(page.getByRole('region', { name: 'История' })).toContainText(mail.messageId!);
  const after = await app.call('appeals.get', { id: card.id });
  expect(after.reply).toMatchObject({ form: 'email', outgoingNumber: 'ИСХ-15', signatory: 'Иванов И. И.' });
  expect(after.reply?.sentOn).not.toBeNull();
  await expect(page.getByRole('button', { name: 'Отправить по e-mail' })).toHaveCount(0);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/mail-card-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: `${SHOTS}/mail-card-1024.png`, fullPage: true });
  }
});

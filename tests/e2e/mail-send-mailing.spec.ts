import { runMailing } from '../../main/mail/mailings/sender';
import { accountFor } from '../integration/smtp-listener';
import { smtpListenerPerTest } from './mail-listener';
import { expect, signIn, test } from './fixtures';

const SHOTS = process.env.MAIL_SHOTS_DIR;

const smtp = smtpListenerPerTest();

test('a mailing to a segment is made and started in Контакты → Рассылки; only the consenting receive it; the report says so', async ({
  app,
  page,
}) => {
  const listener = smtp.current();
  await app.setUp();
  await app.call('mail.account.save', accountFor(listener));
  const people = [
    { lastName: 'Орлова', firstName: 'Анна', email: 'orlova@example.ru', consent: true },
    { lastName: 'Белов', firstName: 'Пётр', email: 'belov@example.ru', consent: true },
    { lastName: 'Сидоров', firstName: 'Олег', email: 'sidorov@example.ru', consent: false },
  ];
  for (const p of people) {
    const c = await app.call('contacts.create', {
      lastName: p.lastName,
      firstName: p.firstName,
      email: p.email,
      district: 'Заречный',
    });
    if (p.consent)
      await app.call('contacts.giveConsent', { id: c.id, purpose: 'mailing', wordingVersion: 'v1' });
  }
  await app.call('segments.save', { name: 'Жители Заречного', filter: { district: 'Заречный' } });

  await app.open(page);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await page.getByRole('tab', { name: 'Рассылки' }).click();
  const form = page.getByRole('form', { name: 'Новая рассылка' });
  // An empty subject is refused, naming the field; nothing is made.
  await form.getByLabel('Название').fill('Встреча жителей');
  await form
    .getByLabel('Текст')
    .fill('Здравствуйте, {{имя}}! Приглашаем жителей района {{район}} на встречу.');
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(form.getByLabel('Тема')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Рассылок пока нет.')).toBeVisible();
  await form.getByLabel('Тема').fill('{{имя}}, приглашаем на встречу');
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(page.getByText('Рассылка создана.', { exact: false })).toBeVisible();

  const row = page.getByTestId('mailing').filter({ hasText: 'Встреча жителей' });
  await expect(row).toContainText('черновик');
  await row.getByRole('button', { name: 'Запустить' }).click();
  await expect(row).toContainText('отправляется');
  await expect(row).toContainText('0 из 2');
  // The main process's sender (its scheduler in the app) sends it; here the test runs it in-process.
  const [mailing] = await app.call('mailings.list', {});
  await runMailing(app.office.api.systemContext(), mailing!.id);
  await expect(row).toContainText('завершена');
  await expect(row).toContainText('2 из 2');
  await expect(row.getByTestId('mailing-report')).toContainText(
    'доставлено на сервер: 2; не доставлено: 0; отписались: 0',
  );
  expect(listener.messages.map((m) => m.to[0]).sort()).toEqual(['belov@example.ru', 'orlova@example.ru']);
  const first = await listener.parsed(0);
  expect(first.subject).toMatch(/^(Анна|Пётр), приглашаем на встречу$/);
  expect(first.text).toContain('Приглашаем жителей района Заречный на встречу.');
  if (SHOTS) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/mailings-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: `${SHOTS}/mailings-1024.png`, fullPage: true });
  }
});

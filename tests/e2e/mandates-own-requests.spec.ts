import { expect, signIn, test } from './fixtures';

/**
 * The deputy's request on his own initiative from «Запросы»: the assistant drafts it (no citizen's appeal)
 * and passes it for approval, the deputy approves it, the assistant records it sent, and the answer's date
 * shown is the one the office's jurisdiction, set by the administrator, gives.
 */
test.use({ serverNow: '2026-03-02T07:00:00Z' });

const ASSISTANT = { login: 'orlova', fullName: 'Орлова Мария Игоревна', password: 'assistant-pass-1' };
const DEPUTY = { login: 'ivanov', fullName: 'Иванов Иван Иванович', password: 'deputy-pass-12' };

test('an own-initiative request: drafted, approved by the deputy, sent with its answer term', async ({
  page,
  app,
}, testInfo) => {
  await app.setUp();
  await app.call('users.create', { ...ASSISTANT, role: 'assistant' });
  await app.call('users.create', { ...DEPUTY, role: 'deputy' });
  await app.call('bodies.create', { name: 'Министерство транспорта области', answerDays: 20 });
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
  await app.open(page);
  // The administrator sets the office's jurisdiction: the Moscow City Duma's law, 15 days.
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await nav.getByRole('button', { name: 'Запросы' }).click();
  const own = page.getByRole('region', { name: 'Депутатские запросы по собственной инициативе' });
  await expect(own).toContainText('Срок ответа по юрисдикции приёмной: 30 дн.');
  await own.getByLabel('Юрисдикция приёмной').selectOption('moscow');
  await own.getByRole('button', { name: 'Установить срок' }).click();
  await expect(own).toContainText('Срок ответа по юрисдикции приёмной: 15 дн.');
  await page.getByRole('button', { name: 'Выйти' }).click();

  await signIn(page, ASSISTANT.login, ASSISTANT.password);
  await nav.getByRole('button', { name: 'Запросы' }).click();
  await expect(own).toContainText('Срок ответа по юрисдикции приёмной: 15 дн.');
  await own.getByRole('button', { name: 'Новый депутатский запрос' }).click();
  const form = page.getByRole('form', { name: 'Новый депутатский запрос' });
  await form.getByLabel('Адресат').selectOption({ label: 'Министерство транспорта области' });
  await form.getByLabel('Текст запроса').fill('Прошу сообщить сроки ремонта моста через р. Лесную');
  await page.keyboard.press('Control+Enter');
  const row = own.getByRole('row').filter({ hasText: 'Министерство транспорта области' });
  await expect(row).toContainText('Черновик');
  await row.getByRole('button', { name: 'На утверждение' }).click();
  await expect(row).toContainText('На согласовании');
  await page.getByRole('button', { name: 'Выйти' }).click();

  await signIn(page, DEPUTY.login, DEPUTY.password);
  await nav.getByRole('button', { name: 'Запросы' }).click();
  await row.getByRole('button', { name: 'Утвердить' }).click();
  await expect(row).toContainText('Согласован, к отправке');
  await page.getByRole('button', { name: 'Выйти' }).click();

  await signIn(page, ASSISTANT.login, ASSISTANT.password);
  await nav.getByRole('button', { name: 'Запросы' }).click();
  await row.getByLabel('Номер').fill('исх-15');
  await row.getByRole('button', { name: 'Отправлен' }).click();
  await expect(row).toContainText('Отправлен, ждёт ответа');
  const [sent] = (await app.call('ownRequests.list', { limit: 10 }, ASSISTANT.login)).rows;
  expect(sent!.termDays).toBe(15);
  const [y, m, d] = sent!.dueDate!.split('-');
  await expect(row).toContainText(`${d}.${m}.${y}`);
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await own.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`own-requests-${width}.png`) });
  }
});

import { expect, signIn, test, type App } from './fixtures';

/** The office head's lists: every request with its filters, every open task, and a task given away. */
const NOW = '2026-03-20T07:00:00Z';
test.use({ serverNow: NOW });

const KOZLOVA = { login: 'kozlova', fullName: 'Козлова Дарья Андреевна', password: 'assistant-pass-1' };
const EGOROV = { login: 'egorov', fullName: 'Егоров Максим Олегович', password: 'assistant-pass-2' };
const DEPUTY = { login: 'ivanov', fullName: 'Иванов Иван Иванович', password: 'deputy-pass-1' };

/** One appeal with a request sent on 02.03 to a body that answers in 15 days (overdue by 20.03), one waiting for the deputy. */
async function arrange(app: App): Promise<{ withRequest: string }> {
  await app.setUp();
  await app.call('users.create', { ...KOZLOVA, role: 'assistant' });
  await app.call('users.create', { ...EGOROV, role: 'assistant' });
  await app.call('users.create', { ...DEPUTY, role: 'deputy' });
  const register = (registeredOn: string, lastName: string, summary: string) =>
    app.call(
      'appeals.register',
      {
        registeredOn,
        channel: 'post',
        kind: 'application',
        summary,
        applicant: { lastName, address: 'г. Москва' },
      },
      KOZLOVA.login,
    );
  const a = await register('2026-02-16', 'Кузнецов', 'Не вывозится мусор');
  await app.call('workflow.sendToDeputy', { id: a.id }, KOZLOVA.login);
  await app.call(
    'workflow.resolve',
    { id: a.id, text: 'Запросить управу', requestNeeded: true },
    DEPUTY.login,
  );
  const body = await app.call(
    'bodies.create',
    { name: 'Управа района Лесной', answerDays: 15 },
    KOZLOVA.login,
  );
  const requestId = (await app.call('appeals.get', { id: a.id })).requests[0]!.id;
  await app.call(
    'requests.update',
    { id: requestId, bodyId: body.id, text: 'Прошу сообщить…' },
    KOZLOVA.login,
  );
  await app.call('requests.submit', { id: requestId }, KOZLOVA.login);
  await app.call('requests.approve', { id: requestId }, DEPUTY.login);
  await app.call(
    'requests.send',
    { id: requestId, sentOn: '2026-03-02', outgoingNumber: '7/1' },
    KOZLOVA.login,
  );
  await app.call('bodies.create', { name: 'Прокуратура района', answerDays: 30 }, KOZLOVA.login);

  const b = await register('2026-03-16', 'Орлова', 'Пандус у подъезда');
  await app.call('workflow.sendToDeputy', { id: b.id }, KOZLOVA.login);
  return { withRequest: a.id };
}

test('Запросы filter by answer and body; Задачи for everyone, overdue first, one reassigned', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  const { withRequest } = await arrange(app);
  await app.open(page);
  await signIn(page);

  // Requests: overdue, by body; Enter opens the appeal.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Запросы' })).toBeVisible();
  const requests = page.getByRole('grid', { name: 'Запросы по обращениям' });
  const row = requests.getByRole('row').filter({ hasText: 'ИВН-2026-00001' });
  await expect(row).toContainText('Управа района Лесной');
  await expect(row).toContainText('Отправлен, ждёт ответа');
  await expect(row).toContainText('02.03.2026, исх. № 7/1');
  await expect(row).toContainText('17.03.2026');
  await expect(row).toContainText('просрочено');
  await page.getByLabel('Просрочен ответ').check();
  await expect(requests.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Адресат').selectOption({ label: 'Прокуратура района' });
  await expect(page.getByText('Запросов с такими условиями нет.')).toBeVisible();
  await page.getByLabel('Адресат').selectOption({ label: 'Управа района Лесной' });
  await expect(requests.getByRole('row')).toHaveCount(2);
  await requests.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Запрос № 1' })).toContainText('срок ответа истёк');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Запросы' })).toBeVisible();

  // Tasks: the administrator has none of his own; everyone's, overdue first.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Задачи' })).toBeVisible();
  await expect(page.getByText('Открытых задач нет.')).toBeVisible();
  await page.getByLabel('Все сотрудники').check();
  const tasks = page.getByRole('grid', { name: 'Открытые задачи' });
  const rows = tasks.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Получить ответ на запрос');
  await expect(rows.nth(1)).toContainText(KOZLOVA.fullName);
  await expect(rows.nth(1)).toContainText('просрочено');
  await expect(rows.nth(2)).toContainText('Резолюция депутата по обращению');
  await expect(rows.nth(2)).toContainText(DEPUTY.fullName);

  await tasks.focus();
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog', { name: 'Передать задачу другому сотруднику' });
  await expect(dialog).toContainText('Получить ответ на запрос');
  await dialog.getByLabel('Кому').selectOption({ label: EGOROV.fullName });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`Задача передана: ${EGOROV.fullName}.`)).toBeVisible();
  await expect(rows.nth(1)).toContainText(EGOROV.fullName);
  const card = await app.call('appeals.get', { id: withRequest });
  expect(card.tasks.find((t) => t.status === 'open')?.assigneeName).toBe(EGOROV.fullName);

  await tasks.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();
});

test('Задачи read a page at a time: the count says how many are left, the end of the list brings the rest', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.setUp();
  await app.call('users.create', { ...KOZLOVA, role: 'assistant' });
  const appeals = Array.from({ length: 130 }, (_, i) => ({
    registeredOn: '2026-03-16',
    channel: 'post' as const,
    kind: 'application' as const,
    summary: `Обращение ${i + 1}`,
    applicant: { lastName: `Заявитель${i + 1}`, address: 'г. Москва' },
  }));
  await app.call('appeals.registerBatch', { appeals }, KOZLOVA.login);
  const listed = await app.call('tasks.list', { everyone: true, limit: 500 });
  expect(listed.total).toBe(130);

  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+2');
  await page.getByLabel('Все сотрудники').check();
  const count = page.getByTestId('tasks-count');
  await expect(count).toHaveText('Открытых задач: 130, показано 100');
  const grid = page.getByRole('grid', { name: 'Открытые задачи' });
  const rows = grid.getByRole('row');
  await expect(rows).toHaveCount(101);
  await grid.focus();
  // End selects the last row shown, and that brings the next page.
  await page.keyboard.press('End');
  await expect(count).toHaveText('Открытых задач: 130');
  await expect(rows).toHaveCount(131);
  await expect(page.getByRole('button', { name: 'Показать ещё' })).toHaveCount(0);
  // The rows in the API's order, the last one included.
  await expect(rows.nth(130)).toContainText(listed.rows[129]!.applicantName!);
});

import { expect, signIn, test } from './fixtures';

/**
 * 59-FZ Art. 11 from the card: part 2 (a court decision is challenged) returns the appeal with a notice
 * owed within 7 days of registration; sending the notice closes it "left without an answer".
 *
 * Registered 02.03.2026 + 7 days = 09.03.2026, the day off for 8 March (resources/calendar/2026.json):
 * the notice is due on the previous working day, Friday 06.03.2026.
 */
const NOW = '2026-03-05T07:00:00Z';
test.use({ serverNow: NOW });

test('Art. 11 part 2 → the notice task with its due date → notice sent → closed', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.setUp();
  const { id } = await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'complaint',
    summary: 'Не согласен с решением районного суда по делу о земельном участке',
    applicant: { lastName: 'Белов', firstName: 'Сергей', address: 'г. Москва, ул. Юности, д. 3, кв. 118' },
  });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Белов' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();

  const dialog = page.getByRole('dialog');
  await page
    .getByRole('group', { name: 'Другие действия' })
    .getByRole('button', { name: 'Без ответа по ст. 11 59-ФЗ' })
    .click();
  await expect(dialog).toHaveAccessibleName('Без ответа по ст. 11 59-ФЗ');
  const ground = dialog.getByLabel('Основание (часть статьи 11)');
  await expect(ground).toBeFocused();
  // All eight grounds, each with its part.
  await expect(ground.locator('option')).toHaveText([
    'Выберите основание',
    /^ч\. 1 —/,
    /^ч\. 2 —/,
    /^ч\. 3 —/,
    /^ч\. 4 —/,
    /^ч\. 4\.1 —/,
    /^ч\. 5 —/,
    /^ч\. 5\.1 —/,
    /^ч\. 6 —/,
  ]);
  await ground.selectOption({ label: 'ч. 2 — обжалуется судебное решение' });
  await expect(dialog.getByTestId('art11-outcome')).toContainText('в течение 7 дней');
  // Part 1's and part 4's own questions belong to those parts only.
  await expect(dialog.getByLabel(/сообщается о преступлении/)).toHaveCount(0);
  await dialog
    .getByLabel('Обоснование')
    .fill('Заявитель обжалует решение суда; разъяснить порядок обжалования.');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByTestId('wf-stage')).toHaveText('Уведомление по ст. 11');
  await expect(page.getByRole('region', { name: 'Статья 11 59-ФЗ' })).toContainText(
    'ч. 2 — обжалуется судебное решение',
  );
  const tasks = page.getByRole('region', { name: 'Открытые задачи' });
  await expect(tasks).toContainText('Направить заявителю уведомление по ст. 11 59-ФЗ');
  await expect(tasks).toContainText('срок — 06.03.2026');
  await expect(page.getByRole('region', { name: 'История' })).toContainText('Применена ст. 11 59-ФЗ');

  await page.keyboard.press('Alt+Enter');
  await expect(dialog).toHaveAccessibleName('Уведомление отправлено');
  await expect(dialog.getByLabel('Дата отправки')).toHaveValue('05.03.2026');
  await dialog.getByLabel('Исходящий номер').fill('12/03-ИВН');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByTestId('wf-stage')).toHaveText('Закрыто');
  await expect(page.getByTestId('wf-result')).toContainText('Оставлено без ответа');
  await expect(tasks).toContainText('Открытых задач нет.');
  await expect(page.getByRole('region', { name: 'Статья 11 59-ФЗ' })).toContainText(
    'Отправлено почтой 05.03.2026, исх. № 12/03-ИВН',
  );
  await expect(page.getByRole('region', { name: 'История' })).toContainText(
    'Заявителю отправлено уведомление по ст. 11',
  );
  const card = await app.call('appeals.get', { id });
  expect(card).toMatchObject({ status: 'closed', result: 'left_without_answer' });
});

test('Art. 11 part 5.1 asks the address of the published answer and keeps it on the card', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.setUp();
  await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'application',
    summary: 'Когда отремонтируют крышу дома по ул. Юности, 3',
    applicant: { lastName: 'Белов', firstName: 'Сергей', address: 'г. Москва, ул. Юности, д. 3, кв. 118' },
  });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Белов' }).dblclick();
  const dialog = page.getByRole('dialog');
  await page
    .getByRole('group', { name: 'Другие действия' })
    .getByRole('button', { name: 'Без ответа по ст. 11 59-ФЗ' })
    .click();
  await dialog
    .getByLabel('Основание (часть статьи 11)')
    .selectOption({ label: 'ч. 5.1 — ответ опубликован на официальном сайте' });
  const url = dialog.getByLabel('Адрес страницы с опубликованным ответом');
  await expect(url).toBeVisible();
  await dialog.getByLabel('Обоснование').fill('Ответ на этот вопрос опубликован на сайте депутата.');
  const shots = process.env.E2E_SHOTS_DIR;
  // Without the address the ground is refused, naming the field.
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('Укажите адрес страницы официального сайта');
  await url.fill('https://deputat.example.ru/otvety/krysha-yunosti-3');
  if (shots) await page.screenshot({ path: `${shots}/art11-p5_1-dialog.png` });
  await page.keyboard.press('Control+Enter');
  const region = page.getByRole('region', { name: 'Статья 11 59-ФЗ' });
  await expect(region.getByTestId('published-answer-url')).toHaveText(
    'https://deputat.example.ru/otvety/krysha-yunosti-3',
  );
  if (shots)
    for (const [width, height] of [
      [1366, 768],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}/art11-p5_1-card-${width}.png` });
    }
});

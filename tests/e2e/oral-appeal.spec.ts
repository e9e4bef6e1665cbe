import { expect, signIn, test } from './fixtures';

/**
 * 59-FZ Art. 13 p.2: at a personal reception the answer is given orally with the citizen's agreement; the
 * appeal is registered with it, by the keyboard, and its card shows it closed with the answer.
 */
test('an oral appeal at a reception is registered with its answer by the keyboard and closes', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Регистрация обращения' })).toBeVisible();
  const focused = (id: string) => expect(page.locator(`#${id}`)).toBeFocused();
  const tabTo = async (id: string) => {
    await page.keyboard.press('Tab');
    await focused(id);
  };
  await focused('reg-registeredOn');
  await page.keyboard.type('20.02.2026');
  await tabTo('reg-receivedOn');
  await tabTo('reg-channel');
  // Почта → Электронная почта → Интернет-приёмная → Личный приём.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#reg-channel')).toHaveValue('reception');
  // The section is there for a reception only.
  await expect(page.getByTestId('oral-answer')).toBeVisible();
  // The tab order is the order of the paper; what is typed into each field on the way.
  const path: [string, string?][] = [
    ['reg-kind'],
    ['reg-phone', '8 (999) 765-43-21'],
    ['reg-lastName', 'Кузнецов'],
    ['reg-firstName', 'Пётр'],
    ['reg-middleName'],
    ['reg-address', 'г. Москва, ул. Садовая, д. 3'],
    ['reg-email'],
    ['reg-summary', 'Как получить субсидию на оплату ЖКУ'],
    ['reg-text'],
    ['reg-topics'],
    ['reg-responsible'],
    ['reg-isRepeat'],
    ['reg-isCollective'],
    ['reg-isAnonymous'],
    ['reg-onControl'],
    ['reg-oral'],
  ];
  for (const [id, text] of path) {
    await tabTo(id);
    if (text) await page.keyboard.type(text);
  }
  await page.keyboard.press('Space');
  await tabTo('reg-oralResult');
  await page.keyboard.press('ArrowDown'); // Разъяснено → Дан ответ
  await expect(page.locator('#reg-oralResult')).toHaveValue('answered');
  await tabTo('reg-oralAnsweredBy');
  await page.keyboard.type('Иванов И. И.');
  await tabTo('reg-oralText');
  await page.keyboard.type('Субсидию оформляет МФЦ по заявлению с документами о доходах за полгода.');
  await tabTo('reg-oralConsent');
  // Without the citizen's agreement the answer cannot be oral: the form says so at the checkbox.
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#reg-oralConsent-error')).toHaveText(
    'Отметьте согласие заявителя на устный ответ',
  );
  await expect(page.locator('#reg-oralConsent')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByTestId('saved')).toHaveText(
    'Обращение зарегистрировано: № ИВН-2026-00001. Ответ дан устно, рассмотрение завершено.',
  );
  await expect(page.getByRole('button', { name: /Открыть карточку/ })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();
  await expect(page.getByTestId('wf-stage')).toHaveText('Закрыто');
  await expect(page.getByTestId('wf-result')).toHaveText(/^Дан ответ, 20\.02\.2026/);
  const answer = page.getByTestId('oral-answer-block');
  await expect(answer.getByRole('heading')).toHaveText('Ответ дан устно на личном приёме');
  await expect(answer.getByTestId('reply-text')).toHaveText(
    'Субсидию оформляет МФЦ по заявлению с документами о доходах за полгода.',
  );
  await expect(answer).toContainText('Дата ответа: 20.02.2026');
  await expect(answer).toContainText('Заявитель согласился на устный ответ (ч. 2 ст. 13 59-ФЗ)');
  await expect(answer).toContainText('Ответ дал: Иванов И. И.');
  await expect(page.getByRole('region', { name: 'Открытые задачи' })).toContainText('Открытых задач нет.');
});

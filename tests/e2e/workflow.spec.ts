import { expect, signIn, test, type App } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The acceptance path of the three directions (DOMAIN §4), as the office walks it: the assistant passes
 * an appeal to the deputy, the deputy resolves "a request is needed", the request is drafted to a new
 * body, approved, sent and answered, the deputy resolves on the answer, the reply is drafted, approved
 * and sent, and the appeal closes with its result. Each person signs in through the form.
 *
 * A fixed "today" on both sides (20.03.2026), so the default dates and due dates do not drift.
 */
const NOW = '2026-03-20T07:00:00Z';
test.use({ serverNow: NOW });

const ASSISTANT = { login: 'kozlova', fullName: 'Козлова Дарья Андреевна', password: 'assistant-pass-1' };
const DEPUTY = { login: 'ivanov', fullName: 'Иванов Иван Иванович', password: 'deputy-pass-1' };
const REG = 'ИВН-2026-00001';

async function arrange(app: App): Promise<string> {
  await app.setUp();
  await app.call('users.create', { ...ASSISTANT, role: 'assistant' });
  await app.call('users.create', { ...DEPUTY, role: 'deputy' });
  const card = await app.call(
    'appeals.register',
    {
      registeredOn: '2026-03-16',
      channel: 'post',
      kind: 'complaint',
      summary: 'Не вывозится мусор во дворе дома',
      topics: ['0005.0005'],
      applicant: {
        lastName: 'Кузнецов',
        firstName: 'Андрей',
        middleName: 'Викторович',
        address: 'г. Москва, ул. Лесная, д. 7, кв. 3',
      },
    },
    ASSISTANT.login,
  );
  return card.id;
}

async function signInAs(page: Page, who: { login: string; password: string }): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Выйти' });
  if (await signOut.isVisible()) await signOut.click();
  await signIn(page, who.login, who.password);
}

/** The assistant finds the appeal in the registry; the deputy in "На резолюцию", by keyboard. */
async function openAsAssistant(page: Page): Promise<void> {
  await signInAs(page, ASSISTANT);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: REG }).dblclick();
  await expect(page.getByRole('heading', { name: `Обращение № ${REG}` })).toBeVisible();
}

async function openAsDeputy(page: Page, waitingFor: string): Promise<void> {
  await signInAs(page, DEPUTY);
  // He lands on his home screen; its first figure, the queue, has the focus.
  await expect(page.getByTestId('home-queue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'На резолюцию' })).toBeVisible();
  const queue = page.getByRole('grid', { name: 'Ожидают решения депутата' });
  await expect(queue.getByRole('row').filter({ hasText: REG })).toContainText(waitingFor);
  await expect(queue).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Обращение № ${REG}` })).toBeVisible();
}

/** The deputy's steps are never offered to the desk. */
async function noDeputyButtons(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: /^Резолюция/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Согласовать/ })).toHaveCount(0);
}

test('review → request → reply: each step by its person, each on the timeline', async ({ app, page }) => {
  test.slow();
  await page.clock.setFixedTime(new Date(NOW));
  const id = await arrange(app);
  await app.open(page);

  const stage = page.getByTestId('wf-stage');
  const direction = page.getByTestId('wf-direction');
  const history = page.getByRole('region', { name: 'История' });
  const dialog = page.getByRole('dialog');
  const request = page.getByRole('article', { name: 'Запрос № 1' });

  // 1. The assistant passes the appeal on to the deputy: the expected step is the primary button.
  await openAsAssistant(page);
  await expect(direction).toHaveText('Рассмотрение');
  await expect(stage).toHaveText('Зарегистрировано');
  await expect(page.getByTestId('card-due-date')).toHaveText('15.04.2026');
  const alternatives = page.getByRole('group', { name: 'Другие действия' });
  await expect(alternatives.getByRole('button', { name: 'Без ответа по ст. 11 59-ФЗ' })).toBeVisible();
  await expect(alternatives.getByRole('button', { name: 'Переадресовать по компетенции' })).toBeVisible();
  await noDeputyButtons(page);
  await page.keyboard.press('Alt+Enter');
  await expect(dialog).toHaveAccessibleName('Передать депутату на резолюцию');
  await page.keyboard.type('Прошу рассмотреть, жалоба повторяется');
  await page.keyboard.press('Control+Enter');
  await expect(stage).toHaveText('На резолюции');
  await expect(history).toContainText('Передано депутату на резолюцию');
  await expect(page.getByText('Сейчас от вас ничего не требуется.')).toBeVisible();
  await noDeputyButtons(page);

  // 2. The deputy lands on "На резолюцию" and resolves with the keyboard only: «Нужен запрос».
  await openAsDeputy(page, 'Резолюция по обращению');
  await expect(page.locator('#wf-primary')).toHaveText(/Резолюция/);
  await page.keyboard.press('Alt+Enter');
  await expect(dialog).toHaveAccessibleName('Резолюция');
  await expect(dialog.getByLabel('Текст резолюции')).toBeFocused();
  await page.keyboard.type('Направить запрос в администрацию района о графике вывоза');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Дата резолюции')).toHaveValue('20.03.2026');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Нужен запрос')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+Enter');
  await expect(direction).toHaveText('Запрос');
  await expect(stage).toHaveText('Запрос');
  await expect(page.getByRole('region', { name: 'Резолюции' })).toContainText('Нужен запрос');
  await expect(request).toContainText('Черновик');
  await expect(history).toContainText('Резолюция депутата');

  // 3. The assistant drafts the request to a body added on the spot, and passes it for approval.
  await openAsAssistant(page);
  await noDeputyButtons(page);
  await request.getByRole('button', { name: 'Изменить черновик' }).click();
  await expect(dialog).toHaveAccessibleName('Изменить черновик — Запрос № 1');
  await dialog.getByRole('button', { name: 'Добавить орган' }).click();
  await dialog.getByLabel('Название органа').fill('Администрация Лесного района');
  await dialog.getByLabel('Руководитель').fill('Петров П. П.');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Орган «Администрация Лесного района» добавлен и выбран.')).toBeVisible();
  await expect(dialog.getByLabel('Адресат запроса (орган)')).toHaveValue(/.+/);
  await dialog.getByLabel('Текст запроса').fill('Прошу сообщить график вывоза мусора по ул. Лесной, д. 7.');
  await page.keyboard.press('Control+Enter');
  await expect(request).toContainText('Администрация Лесного района');
  await request.getByRole('button', { name: 'На согласование депутату' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(request).toContainText('На согласовании');
  await expect(history).toContainText('Запрос передан на согласование');

  // 4. The deputy approves the request (its step is the card's next step too).
  await openAsDeputy(page, 'Согласование запроса');
  await expect(page.locator('#wf-primary')).toHaveText(/Согласовать запрос/);
  await page.keyboard.press('Alt+Enter');
  await expect(dialog).toContainText('Прошу сообщить график вывоза мусора');
  await page.keyboard.press('Control+Enter');
  await expect(request).toContainText('Согласован, к отправке');
  await expect(history).toContainText('Запрос согласован депутатом');

  // 5. The assistant sends it (date and outgoing number), then records the body's answer.
  await openAsAssistant(page);
  await request.getByRole('button', { name: 'Запрос отправлен' }).click();
  await expect(dialog.getByLabel('Дата отправки')).toHaveValue('20.03.2026');
  await dialog.getByLabel('Исходящий номер').fill('15/03-ИВН');
  await page.keyboard.press('Control+Enter');
  await expect(request).toContainText('Отправлен, ждёт ответа');
  await expect(request).toContainText('20.03.2026, исх. № 15/03-ИВН');
  const sent = (await app.call('appeals.get', { id })).requests[0]!;
  const [y, m, d] = sent.dueDate!.split('-');
  await expect(request).toContainText(`${d}.${m}.${y}`);
  await expect(history).toContainText('Запрос отправлен');

  await request.getByRole('button', { name: 'Внести ответ' }).click();
  await dialog.getByLabel('Входящий номер').fill('вх-204');
  await dialog.getByLabel('Содержание ответа').fill('Вывоз по вторникам и пятницам, нарушения устранены.');
  await page.keyboard.press('Control+Enter');
  await expect(request).toContainText('Получен ответ');
  await expect(request).toContainText('Вывоз по вторникам и пятницам');
  await expect(history).toContainText('Получен ответ на запрос');
  await noDeputyButtons(page);

  // 6. The deputy resolves on the answer: a reply to the applicant.
  await openAsDeputy(page, 'Резолюция по ответу на запрос');
  await page.keyboard.press('Alt+Enter');
  await expect(dialog).toHaveAccessibleName('Резолюция по ответу — Запрос № 1');
  await dialog.getByLabel('Текст резолюции').fill('Подготовить ответ заявителю по ответу администрации');
  await expect(dialog.getByLabel('Что дальше')).toHaveValue('reply');
  await page.keyboard.press('Control+Enter');
  await expect(direction).toHaveText('Ответ заявителю');
  await expect(stage).toHaveText('Подготовка ответа');
  await expect(history).toContainText('Резолюция по ответу на запрос');

  // 7. The assistant drafts the reply and passes it for approval.
  await openAsAssistant(page);
  await expect(page.locator('#wf-primary')).toHaveText(/Ответ — на согласование/);
  await page.keyboard.press('Alt+Enter');
  await expect(dialog.getByLabel('Текст ответа заявителю')).toBeFocused();
  await page.keyboard.type(
    'Уважаемый Андрей Викторович! По Вашему обращению сообщаем: вывоз мусора налажен.',
  );
  await page.keyboard.press('Control+Enter');
  await expect(stage).toHaveText('Ответ на согласовании');
  await expect(page.getByTestId('reply-text')).toContainText('вывоз мусора налажен');
  await expect(history).toContainText('Ответ передан на согласование');
  await noDeputyButtons(page);

  // 8. The deputy approves the reply.
  await openAsDeputy(page, 'Согласование ответа');
  await page.keyboard.press('Alt+Enter');
  await expect(dialog.getByTestId('dialog-reply-text')).toContainText('вывоз мусора налажен');
  await page.keyboard.press('Control+Enter');
  await expect(stage).toHaveText('Отправка ответа');
  await expect(history).toContainText('Ответ согласован депутатом');

  // 9. The assistant sends the reply with its result: the appeal closes.
  await openAsAssistant(page);
  await page.keyboard.press('Alt+Enter');
  await expect(dialog).toHaveAccessibleName('Ответ отправлен');
  await expect(dialog.getByLabel('Подписал')).toHaveValue('Иванов Иван Иванович');
  await dialog.getByLabel('Способ отправки').selectOption({ label: 'Почтой' });
  await dialog.getByLabel('Исходящий номер').fill('16/03-ИВН');
  await dialog.getByLabel('Результат рассмотрения').selectOption({ label: 'Поддержано, меры приняты' });
  await page.keyboard.press('Control+Enter');
  await expect(stage).toHaveText('Закрыто');
  await expect(page.getByTestId('wf-result')).toContainText('Поддержано, меры приняты, 20.03.2026');
  await expect(page.locator('#wf-primary')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Ответ заявителю' })).toContainText(
    'Отправлен почтой 20.03.2026, исх. № 16/03-ИВН',
  );

  // The whole way, in order, on the timeline.
  const steps = [
    'Зарегистрировано',
    'Передано депутату на резолюцию',
    'Резолюция депутата',
    'Изменён черновик запроса',
    'Запрос передан на согласование',
    'Запрос согласован депутатом',
    'Запрос отправлен',
    'Получен ответ на запрос',
    'Резолюция по ответу на запрос',
    'Сохранён черновик ответа',
    'Ответ передан на согласование',
    'Ответ согласован депутатом',
    'Ответ отправлен заявителю',
  ];
  const said = await history.locator('.timeline__what').allTextContents();
  let at = -1;
  for (const step of steps) {
    const i = said.indexOf(step, at + 1);
    expect(i, `"${step}" after the step before it`).toBeGreaterThan(at);
    at = i;
  }

  const closed = await app.call('appeals.get', { id });
  expect(closed).toMatchObject({ status: 'closed', result: 'supported_measures_taken', reviewedLate: false });
  expect(closed.tasks.filter((t) => t.status === 'open')).toEqual([]);
});

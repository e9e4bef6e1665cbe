import { expect, signIn, test, type App } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * A reception day as a new member of the office runs it: created on the events board, its checklists
 * ticked stage by stage (all nine items of «Подготовка программы»), moved to «Мероприятие», an appeal
 * registered straight from its card, and closed with an outcome.
 */
test.use({ serverNow: '2026-03-02T07:00:00Z' });

const ASSISTANT = { login: 'orlova', fullName: 'Орлова Мария Игоревна', password: 'assistant-pass-1' };

async function arrange(app: App): Promise<void> {
  await app.setUp();
  await app.call('users.create', { ...ASSISTANT, role: 'assistant' });
}

/** Ticks every item of the current stage's checklist, by keyboard (Space on each checkbox). */
async function tickAll(page: Page): Promise<void> {
  const boxes = page.getByRole('region', { name: 'Чек-лист этапа' }).getByRole('checkbox');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    if (await box.isChecked()) continue;
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await expect(page.getByTestId('checklist-progress')).toHaveText(`${n} из ${n}`);
}

async function next(page: Page, stage: string): Promise<void> {
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByTestId('event-stage')).toHaveText(stage);
}

test('a reception day: created, checklists ticked, an appeal taken, closed with its outcome', async ({
  page,
  app,
}) => {
  await arrange(app);
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
  await app.open(page);
  await signIn(page, ASSISTANT.login, ASSISTANT.password);

  await page
    .getByRole('navigation', { name: 'Разделы' })
    .getByRole('button', { name: 'Мероприятия' })
    .click();
  await expect(page.getByText('Мероприятий пока нет')).toBeVisible();
  await page.getByRole('button', { name: 'Новое мероприятие' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое мероприятие' });
  await dialog.getByLabel('Название').fill('День приёма в Заволжском районе');
  await expect(dialog.getByLabel('Вид')).toHaveValue('reception_day');
  await dialog.getByLabel('Дата').fill('05.03.2026');
  await dialog.getByLabel('Начало').fill('10:00');
  await dialog.getByLabel('Место').fill('Библиотека № 3');
  await dialog.getByLabel('Район').fill('Заволжский');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByRole('heading', { name: 'День приёма в Заволжском районе' })).toBeVisible();
  await expect(page.getByTestId('event-stage')).toHaveText('Создание');
  // An event in the office: no transfer stages.
  const stepper = page.getByRole('list', { name: 'Этапы' });
  await expect(stepper.locator('.stepper__step--skipped')).toHaveText([
    'Подготовка выезда',
    'Трансфер',
    'Обратный трансфер',
  ]);

  // The programme prints on the letterhead, named after the event.
  const programmeFile = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Программа (DOCX)' }).click();
  expect((await programmeFile).suggestedFilename()).toBe('Программа — День приёма в Заволжском районе.docx');

  // Leaving a stage with a mandatory item undone is refused, and the items are named.
  await page.keyboard.press('Alt+Enter');
  const refusal = page.getByRole('dialog', { name: 'Обязательные пункты не выполнены' });
  await expect(refusal.getByTestId('undone-items')).toContainText('Указать дату, время и место мероприятия');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-stage')).toHaveText('Создание');

  await tickAll(page);
  await next(page, 'Согласование');
  await tickAll(page);
  await next(page, 'Подготовка программы');
  const programme = page.getByTestId('checklist-responsible').getByRole('checkbox');
  await expect(programme).toHaveCount(9);
  await expect(page.getByTestId('checklist-responsible')).toContainText(
    'Отправить пресс-релиз в пресс-службу',
  );
  await tickAll(page);
  await next(page, 'Мероприятие');

  // An appeal taken at the reception, registered from the event's card.
  await page.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
  await expect(page.getByTestId('register-event')).toContainText('День приёма в Заволжском районе');
  await expect(page.locator('#reg-channel')).toHaveValue('reception');
  await page.locator('#reg-lastName').fill('Громов');
  await page.locator('#reg-firstName').fill('Пётр');
  await page.locator('#reg-address').fill('г. Тверь, ул. Луначарского, д. 4, кв. 9');
  await page.locator('#reg-summary').fill('Не работает лифт в подъезде');
  await page.locator('#reg-summary').press('Control+Enter');
  await expect(page.getByTestId('saved')).toHaveText(/Обращение зарегистрировано: № ИВН-2026-00001/);
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('event-stage')).toHaveText('Мероприятие');
  await expect(page.getByTestId('event-appeals')).toContainText('ИВН-2026-00001');
  await expect(page.getByTestId('event-appeals')).toContainText('Громов');
  // The appeal's card names the event it was taken at.
  await page.getByTestId('event-appeals').getByRole('button', { name: 'ИВН-2026-00001' }).click();
  await expect(page.getByRole('heading', { name: /Обращение № ИВН-2026-00001/ })).toBeVisible();
  await page.getByRole('button', { name: 'День приёма в Заволжском районе' }).click();
  await expect(page.getByTestId('event-stage')).toHaveText('Мероприятие');

  await tickAll(page);
  await next(page, 'После мероприятия');
  await tickAll(page);
  await next(page, 'Подведение итогов');
  await tickAll(page);

  await page.getByRole('button', { name: 'Изменить карточку' }).click();
  await page.getByLabel('Пришло участников').fill('23');
  await page
    .getByRole('textbox', { name: 'Итоги' })
    .fill('Принято 9 граждан, зарегистрировано обращение о лифте.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Принято 9 граждан, зарегистрировано обращение о лифте.')).toBeVisible();

  await page.getByRole('button', { name: /Завершить мероприятие/ }).click();
  await expect(page.getByTestId('event-stage')).toHaveText('Завершено');
  await expect(page.getByText('Завершено 02.03.2026')).toBeVisible();
});

test('the board moves a card by keyboard, and the calendar shows the month', async ({ page, app }) => {
  await arrange(app);
  const created = await app.call(
    'events.create',
    { title: 'Встреча с жителями', kind: 'residents_meeting', date: '2026-03-20', startTime: '18:00' },
    ASSISTANT.login,
  );
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
  await app.open(page);
  await signIn(page, ASSISTANT.login, ASSISTANT.password);
  await page.keyboard.press('Alt+4');
  const board = page.getByRole('region', { name: 'Доска мероприятий по этапам' });
  const card = board.getByRole('button', { name: /Встреча с жителями/ });
  await card.focus();
  // The creation checklist is not done: the move is refused, the card stays.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('dialog', { name: 'Обязательные пункты не выполнены' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(board.locator('[data-stage="creation"]')).toContainText('Встреча с жителями');

  // Its checklist done (at another desk), the same keys move it on, and back.
  for (const item of created.tasks[0]!.items)
    await app.call('events.checkItem', { id: item.id, done: true }, ASSISTANT.login);
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+4');
  await board.getByRole('button', { name: /Встреча с жителями/ }).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(board.locator('[data-stage="approval"]')).toContainText('Встреча с жителями');
  await expect(page.getByText('«Встреча с жителями» → Согласование')).toBeVisible();
  await board.getByRole('button', { name: /Встреча с жителями/ }).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(board.locator('[data-stage="creation"]')).toContainText('Встреча с жителями');

  await page.getByRole('button', { name: 'Календарь' }).click();
  await expect(page.getByTestId('calendar-title')).toHaveText(/2026/);
  await page.getByRole('button', { name: /18:00 Встреча с жителями/ }).click();
  await expect(page.getByRole('heading', { name: 'Встреча с жителями' })).toBeVisible();
});

import type { Page } from '@playwright/test';
import type { ReceptionDay } from '../../shared/api/reception';
import { newId } from '../../shared/util/ids';
import { expect, signIn, test, type App } from './fixtures';
import { checkScreen, SIZES } from './layout-checks';

/**
 * Приём граждан as an assistant runs it: three citizens booked into the day's slots (one found among the
 * contacts, two new), by the keyboard — the arrows move between slots, Enter books — then on the day one
 * is marked as come and his oral appeal is registered from the slot in one step.
 */
const NOW = '2026-03-03T07:00:00Z'; // Tuesday 3 March, 10:00 in Moscow
test.use({ serverNow: NOW });

const ASSISTANT = { login: 'orlova', fullName: 'Орлова Мария Игоревна', password: 'assistant-pass-1' };

/** The office, its assistant, a contact to find, and Thursday's reception day (returned). */
async function arrange(app: App): Promise<ReceptionDay> {
  await app.setUp();
  await app.call('users.create', { ...ASSISTANT, role: 'assistant' });
  await app.call('contacts.create', {
    lastName: 'Петров',
    firstName: 'Сергей',
    middleName: 'Иванович',
    phones: ['9161234567'],
  });
  return app.call('reception.createDay', {
    date: '2026-03-05',
    place: 'Общественная приёмная, ул. Ленина, 1',
    startTime: '10:00',
    endTime: '12:00',
    slotMinutes: 20,
    breaks: [{ from: '11:00', to: '11:20' }],
  });
}

/** The assistant signs in on the clock of NOW and opens Приём граждан from the menu. */
async function openReception(app: App, page: Page): Promise<void> {
  await page.clock.setFixedTime(new Date(NOW));
  await app.open(page);
  await signIn(page, ASSISTANT.login, ASSISTANT.password);
  await page
    .getByRole('navigation', { name: 'Разделы' })
    .getByRole('button', { name: 'Приём граждан' })
    .click();
}

test('an assistant books three citizens, marks one as come and registers his oral appeal from the slot', async ({
  app,
  page,
}) => {
  await arrange(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openReception(app, page);
  await expect(page.getByRole('heading', { name: 'Приём граждан' })).toBeVisible();
  const day = page.getByTestId('reception-day');
  await expect(day.getByRole('heading', { name: 'Чт, 5 марта, 10:00–12:00' })).toBeVisible();
  // The break is not offered: 10:00, 10:20, 10:40, 11:20, 11:40.
  await expect(day.getByRole('option')).toHaveCount(5);
  const slot = (time: string) => page.getByTestId(`slot-2026-03-05-${time}`);
  const dialog = page.locator('#book-dialog');

  // The first: found among the contacts by surname.
  // Tab reaches the week at its first slot.
  await page.getByRole('button', { name: 'Новый день приёма' }).focus();
  await page.keyboard.press('Tab');
  await expect(slot('10:00')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Запись на 10:00, 5 марта' })).toBeVisible();
  await page.keyboard.type('Петр');
  await dialog.getByRole('button', { name: /Петров Сергей Иванович/ }).click();
  await expect(dialog.getByTestId('book-chosen')).toHaveText('Выбран: Петров Сергей Иванович');
  await dialog.getByLabel('Вопрос (кратко)').fill('Ремонт крыши дома');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(slot('10:00')).toContainText('Петров Сергей Иванович');

  // The second and third: new citizens, by the keyboard from the slot just booked.
  const bookNew = async (time: string, last: string, first: string, phone: string, question: string) => {
    await page.keyboard.press('ArrowDown');
    await expect(slot(time)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: `Запись на ${time}, 5 марта` })).toBeVisible();
    await dialog.getByLabel('Фамилия', { exact: true }).fill(last);
    await dialog.getByLabel('Имя', { exact: true }).fill(first);
    await dialog.getByLabel('Телефон', { exact: true }).fill(phone);
    await dialog.getByLabel('Вопрос (кратко)').fill(question);
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(slot(time)).toContainText(`${last} ${first}`);
    await expect(slot(time)).toBeFocused();
  };
  await expect(slot('10:00')).toBeFocused();
  await bookNew('10:20', 'Сидорова', 'Анна', '9167654321', 'Место в детском саду');
  await bookNew('10:40', 'Кузнецов', 'Пётр', '9160001122', 'Субсидия на оплату ЖКУ');

  // Enter on a booked slot books nothing: it is already taken.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // None of them has an e-mail: the assistant has a task to call each.
  const [booked] = await app.call('reception.days', { from: '2026-03-05', days: 1 }, ASSISTANT.login);
  const bookings = booked!.slots.flatMap((s) => s.bookings);
  expect(bookings.map((b) => [b.slot, b.citizenName, b.notice?.state])).toEqual([
    ['10:00', 'Петров Сергей Иванович', 'task'],
    ['10:20', 'Сидорова Анна', 'task'],
    ['10:40', 'Кузнецов Пётр', 'task'],
  ]);

  // On the day: Kuznetsov came (Space marks the selected slot's citizen), and his appeal is answered orally.
  await slot('10:40').focus();
  await page.keyboard.press('Space');
  await expect(slot('10:40')).toContainText('пришёл');
  const panel = page.getByTestId('booking-panel');
  await expect(panel).toContainText('10:40, Чт, 5 марта — Кузнецов Пётр');
  await panel.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
  const form = page.locator('#register-from-slot');
  await expect(
    form.getByRole('heading', { name: 'Регистрация обращения с приёма: Кузнецов Пётр' }),
  ).toBeVisible();
  await expect(form.getByLabel('Краткое содержание')).toHaveValue('Субсидия на оплату ЖКУ');
  await form.getByText('Устный ответ дан на приёме').click();
  await form.getByLabel('Итог').selectOption('answered');
  await form.getByLabel('Что ответили').fill('Субсидию оформляет МФЦ по заявлению с документами о доходах.');
  await form.getByText('Заявитель согласен на устный ответ').click();
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Обращение № ИВН-2026-00001');
  await expect(panel.getByRole('button', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();

  // The appeal is the citizen's, by reception, and closed with the oral answer.
  await panel.getByRole('button', { name: 'Обращение № ИВН-2026-00001' }).click();
  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();
  await expect(page.getByTestId('wf-stage')).toHaveText('Закрыто');
  await expect(page.getByTestId('oral-answer-block').getByTestId('reply-text')).toHaveText(
    'Субсидию оформляет МФЦ по заявлению с документами о доходах.',
  );

  const [after] = await app.call('reception.days', { from: '2026-03-05', days: 1 }, ASSISTANT.login);
  expect(after!.slots.flatMap((s) => s.bookings).map((b) => [b.slot, b.status, b.regNumber])).toEqual([
    ['10:00', 'booked', null],
    ['10:20', 'booked', null],
    ['10:40', 'came', 'ИВН-2026-00001'],
  ]);
});

test('a reception day is made on the screen: an assistant receives, it belongs to a «День приёма» event', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.call('users.create', { ...ASSISTANT, role: 'assistant' });
  const event = await app.call('events.create', {
    title: 'День приёма в Заволжском районе',
    kind: 'reception_day',
    date: '2026-03-10',
    place: 'Библиотека № 3',
  } as never);
  await openReception(app, page);
  await expect(page.getByText('На этой неделе дней приёма нет.')).toBeVisible();
  await page.getByRole('button', { name: 'Новый день приёма' }).click();
  const dialog = page.locator('#new-day-dialog');
  await dialog.getByLabel('Дата', { exact: true }).fill('10.03.2026');
  await dialog.getByLabel('Принимает').selectOption({ label: ASSISTANT.fullName });
  await dialog.getByLabel('Мероприятие «День приёма»').selectOption({ label: event.title });
  // The event's place is taken over.
  await expect(dialog.getByLabel('Место')).toHaveValue('Библиотека № 3');
  await dialog.getByLabel('Начало').fill('15:00');
  await dialog.getByLabel('Окончание').fill('17:00');
  await dialog.getByLabel('Длина слота, мин').fill('30');
  // A break that ends before it starts is refused at its field, and nothing is made.
  await dialog.getByLabel('Перерыв с').fill('16:00');
  await dialog.getByLabel('до', { exact: true }).fill('15:30');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('#day-breakTo-error')).toHaveText('Перерыв кончается позже, чем начинается');
  expect(await app.call('reception.days', { from: '2026-03-10', days: 1 })).toEqual([]);
  await dialog.getByLabel('до', { exact: true }).fill('16:30');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Неделя →' }).click();
  const day = page.getByTestId('reception-day');
  await expect(day.getByRole('heading', { name: 'Вт, 10 марта, 15:00–17:00' })).toBeVisible();
  await expect(day).toContainText(`Библиотека № 3 · Принимает: ${ASSISTANT.fullName}`);
  await expect(day.getByRole('option')).toHaveText([/^15:00/, /^15:30/, /^16:30/]);
  const [made] = await app.call('reception.days', { from: '2026-03-10', days: 1 });
  expect(made).toMatchObject({ eventId: event.id, hostName: ASSISTANT.fullName, slotMinutes: 30 });
});

test('a slot booked on two computers apart shows both bookings as a conflict, settled by moving one', async ({
  app,
  page,
}) => {
  const day = await arrange(app);
  const held = await app.call('reception.book', {
    dayId: day.id,
    slot: '10:00',
    applicant: { lastName: 'Офисный', firstName: 'Олег', phone: '9160000001' },
    question: 'Вопрос в офисе',
  });
  const other = await app.call('contacts.create', { lastName: 'Выездной', firstName: 'Виктор' });
  // What a sync leaves when a laptop booked the same slot while apart (reception-sync.test.ts makes it
  // through the real sync): the later booking on seat 1 of the slot.
  app.office.sqlite
    .prepare(
      `INSERT INTO reception_bookings (id, day_id, slot, seat, contact_id, question, status, office_id,
         created_at, updated_at, hlc)
       SELECT ?, day_id, slot, 1, ?, 'Вопрос на выезде', 'booked', office_id, created_at, updated_at, hlc
       FROM reception_bookings WHERE id = ?`,
    )
    .run(newId(), other.id, held.id);

  await openReception(app, page);
  const slot = page.getByTestId('slot-2026-03-05-10:00');
  await expect(slot).toContainText('Офисный Олег / Выездной Виктор');
  await expect(slot).toContainText('конфликт');
  await slot.focus();
  const panel = page.getByTestId('booking-panel');
  await expect(panel).toContainText('Конфликт записи: время занято дважды');
  const laptops = panel.locator('.rpanel__booking').filter({ hasText: 'Выездной Виктор' });
  await laptops.getByLabel('Перенести на время').selectOption('10:20');
  await laptops.getByRole('button', { name: 'Перенести', exact: true }).click();

  await expect(slot).not.toContainText('конфликт');
  await expect(slot).toContainText('Офисный Олег');
  await expect(page.getByTestId('slot-2026-03-05-10:20')).toContainText('Выездной Виктор');
  const [after] = await app.call('reception.days', { from: '2026-03-05', days: 1 });
  expect(after!.slots.filter((s) => s.state === 'conflict')).toEqual([]);
});

test('walk-ins join the day’s queue in order and one’s appeal is registered from the queue', async ({
  app,
  page,
}) => {
  await arrange(app);
  await openReception(app, page);
  const day = page.getByTestId('reception-day');
  const dialog = page.locator('#book-dialog');
  for (const [last, question] of [
    ['Первов', 'Освещение во дворе'],
    ['Вторых', 'Детская площадка'],
  ]) {
    await day.getByRole('button', { name: 'В очередь' }).click();
    await expect(dialog.getByRole('heading', { name: 'Гражданин без записи' })).toBeVisible();
    await dialog.getByLabel('Фамилия', { exact: true }).fill(last!);
    await dialog.getByLabel('Имя', { exact: true }).fill('Иван');
    await dialog.getByLabel('Вопрос (кратко)').fill(question!);
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
  }
  const queue = day.getByRole('listitem').filter({ hasText: /^№/ });
  await expect(queue).toHaveText([/№ 1\s*Первов Иван/, /№ 2\s*Вторых Иван/]);

  // The arrows go on from the day's last slot into its queue.
  await page.getByTestId('slot-2026-03-05-11:40').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('queue-2026-03-05-1')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('queue-2026-03-05-2')).toBeFocused();
  const panel = page.getByTestId('booking-panel');
  await expect(panel).toContainText('№ 2 — Вторых Иван');
  await panel.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
  const form = page.locator('#register-from-slot');
  await expect(form.getByTestId('rfs-applicant')).toHaveText('Заявитель: Вторых Иван');
  await expect(form.getByLabel('Краткое содержание')).toHaveValue('Детская площадка');
  await form.getByLabel('Текст обращения').fill('Просит установить горку во дворе дома 5.');
  await page.locator('#rfs-topics').focus();
  await page.keyboard.type('0005.0005.0056.1161');
  await expect(form.getByRole('option').first()).toContainText('Несанкционированная свалка мусора');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('rfs-topics-picker').locator('.picker__chip')).toHaveCount(1);
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Обращение № ИВН-2026-00001');
  await expect(queue.nth(1)).toContainText('пришёл');
  const [after] = await app.call('reception.days', { from: '2026-03-05', days: 1 });
  expect(after!.queue.map((b) => [b.queueNo, b.citizenName, b.status, b.regNumber])).toEqual([
    [1, 'Первов Иван', 'booked', null],
    [2, 'Вторых Иван', 'came', 'ИВН-2026-00001'],
  ]);
  const appeal = await app.call('appeals.get', { id: after!.queue[1]!.appealId! });
  expect(appeal).toMatchObject({
    channel: 'reception',
    summary: 'Детская площадка',
    text: 'Просит установить горку во дворе дома 5.',
    topics: ['0005.0005.0056.1161'],
  });
});

test('a day moved to another date, then cancelled, tells each booked citizen each time: a letter, or a task to call', async ({
  app,
  page,
}) => {
  const day = await arrange(app);
  for (const [slot, applicant] of [
    ['10:00', { lastName: 'Почтов', firstName: 'Павел', email: 'pochtov@example.ru' }],
    ['10:20', { lastName: 'Звонкова', firstName: 'Зоя', phone: '9165550011' }],
  ] as const)
    await app.call('reception.book', { dayId: day.id, slot, applicant, question: 'Вопрос' });

  await openReception(app, page);
  await page.getByTestId('reception-day').getByRole('button', { name: 'Изменить' }).click();
  const dialog = page.locator('#new-day-dialog');
  await expect(dialog.getByRole('heading', { name: 'Изменить или перенести день приёма' })).toBeVisible();
  await expect(dialog.getByLabel('Место')).toHaveValue('Общественная приёмная, ул. Ленина, 1');
  await dialog.getByLabel('Дата', { exact: true }).fill('06.03.2026');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId('reception-day').getByRole('heading', { name: 'Пт, 6 марта, 10:00–12:00' }),
  ).toBeVisible();
  await page.getByTestId('slot-2026-03-06-10:00').focus();
  await expect(page.getByTestId('booking-panel')).toContainText('письмо ждёт отправки');
  await page.getByTestId('slot-2026-03-06-10:20').focus();
  await expect(page.getByTestId('booking-panel')).toContainText('задача «позвонить»');

  const notices = await app.call('reception.notices', { dayId: day.id });
  const moved = notices.filter((n) => n.reason === 'moved');
  expect(moved.map((n) => [n.channel, n.state]).sort()).toEqual([
    ['call', 'task'],
    ['email', 'pending'],
  ]);
  for (const n of moved) expect(n.text).toContain('6 марта в 10:');

  // Cancelled with its reason: the bookings go, and each citizen is told once more.
  await page.getByTestId('reception-day').getByRole('button', { name: 'Отменить день' }).click();
  const cancel = page.locator('#cancel-day-dialog');
  await page.keyboard.press('Control+Enter');
  await expect(cancel.locator('#cancel-reason-error')).toBeVisible();
  await cancel.getByLabel('Причина отмены').fill('Депутат в командировке');
  await page.keyboard.press('Control+Enter');
  await expect(cancel).toBeHidden();
  await expect(page.getByTestId('reception-day')).toContainText('Отменён: Депутат в командировке');
  await expect(
    page.getByTestId('reception-day').getByRole('option', { name: /Почтов|Звонкова/ }),
  ).toHaveCount(0);
  const cancelled = (await app.call('reception.notices', { dayId: day.id })).filter(
    (n) => n.reason === 'cancelled',
  );
  expect(cancelled.map((n) => n.channel).sort()).toEqual(['call', 'email']);
  for (const n of cancelled) expect(n.text).toContain('Депутат в командировке');
});

for (const [width, height] of SIZES)
  test(`Приём граждан at ${width}×${height}: nothing scrolls sideways, Tab never lands out of sight`, async ({
    app,
    page,
  }, testInfo) => {
    const day = await arrange(app);
    await app.call('reception.book', {
      dayId: day.id,
      slot: '10:00',
      applicant: {
        lastName: 'Константинопольская-Длиннофамильная',
        firstName: 'Александра',
        phone: '9161112233',
      },
      question: 'Очень длинный вопрос о ремонте кровли многоквартирного дома по улице Ленина',
    });
    await app.call('reception.addWalkIn', {
      dayId: day.id,
      applicant: { lastName: 'Без', firstName: 'Записи' },
      question: 'Вывоз мусора',
    });
    await page.setViewportSize({ width, height });
    await openReception(app, page);
    await page.getByTestId('slot-2026-03-05-10:00').focus();
    await expect(page.getByTestId('booking-panel')).toBeVisible();
    await checkScreen(page, testInfo, 'reception', width);
  });

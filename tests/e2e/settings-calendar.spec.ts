import type { RegisterAppealInput } from '../../shared/api/appeals';
import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

/**
 * The production calendar in Settings. 2026 as shipped (resources/calendar/2026.json): Monday 09.03 is the day
 * off for 8 March (a Sunday), Friday 13.03 a working day, 247 working days in the year.
 *
 * An appeal registered on 13.02.2026 has 15.03.2026 (a Sunday) as its 30th day, so its control date is the
 * previous working day: Friday 13.03 — or Thursday 12.03 once the office makes that Friday a day off.
 */
test.beforeEach(async ({ app }) => {
  await app.setUp();
});

const FEB_13_APPEAL: RegisterAppealInput = {
  registeredOn: '2026-02-13',
  channel: 'post',
  kind: 'complaint',
  summary: 'Протекает крыша в подъезде',
  topics: ['0005.0005'],
  applicant: { lastName: 'Петрова', firstName: 'Анна', address: 'г. Москва, ул. Лесная, д. 7, кв. 12' },
};

test('the administrator makes Friday 13.03.2026 a day off with the keyboard; later terms move', async ({
  app,
  page,
}) => {
  // As shipped, the term ends on Friday 13.03.
  const before = await app.call('appeals.register', FEB_13_APPEAL);
  expect(before).toMatchObject({ termDate: '2026-03-15', dueDate: '2026-03-13' });

  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Производственный календарь');
  const calendar = page.getByRole('region', { name: 'Производственный календарь' });
  await expect(
    calendar.getByText(/действуют для обращений, зарегистрированных после сохранения/),
  ).toBeVisible();

  // The years: shipped by decree, provisional, each with its source.
  const y2026 = calendar.getByRole('radio', { name: /^2026 по постановлению Правительства/ });
  await expect(
    calendar.getByRole('radio', { name: /^2027 предварительный, постановления ещё нет/ }),
  ).toBeVisible();
  await y2026.check();
  await expect(y2026).toHaveAccessibleDescription(/Постановление Правительства РФ от 24\.09\.2025 № 1466/);
  await expect(calendar.getByLabel('Источник')).toHaveValue(/№ 1466/);
  await expect(calendar.getByTestId('calendar-working-days')).toHaveText('Рабочих дней в 2026 году: 247');

  const day = (label: string) => calendar.getByRole('button', { name: new RegExp(`^${label},`) });
  await expect(day('13 марта 2026')).toHaveAccessibleName('13 марта 2026, пятница — рабочий день');
  await expect(day('9 марта 2026')).toHaveAccessibleName(
    '9 марта 2026, понедельник — нерабочий день (праздник или перенос)',
  );
  await expect(day('14 марта 2026')).toHaveAccessibleName('14 марта 2026, суббота — выходной');

  // Keyboard: from 09.03 four days right, then Enter toggles the focused day.
  await day('9 марта 2026').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(day('13 марта 2026')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(day('13 марта 2026')).toHaveAccessibleName(
    '13 марта 2026, пятница — нерабочий день (праздник или перенос)',
  );
  await expect(calendar.getByTestId('calendar-working-days')).toHaveText('Рабочих дней в 2026 году: 246');
  // Space toggles too: a Saturday becomes a working day and back. ArrowUp goes a week back.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(day('7 марта 2026')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(day('7 марта 2026')).toHaveAccessibleName(
    '7 марта 2026, суббота — рабочий день (перенос выходного)',
  );
  await page.keyboard.press('Space');
  await expect(day('7 марта 2026')).toHaveAccessibleName('7 марта 2026, суббота — выходной');
  await expect(calendar.getByRole('radio', { name: /^2026/ })).toHaveAccessibleName(
    /есть несохранённые изменения/,
  );

  // The server's validation is shown at its field: the source cannot be empty.
  const source = calendar.getByLabel('Источник');
  const shipped = await source.inputValue();
  await source.fill('');
  await calendar.getByRole('button', { name: /Сохранить/ }).click();
  await expect(calendar.locator('#cal-source-error')).toHaveText(
    'Укажите источник: постановление Правительства или иное основание',
  );
  await source.fill(`${shipped}; решение руководителя приёмной: 13.03.2026 — нерабочий день`);
  await page.keyboard.press('Control+Enter');
  await expect(calendar.getByText('Календарь на 2026 год сохранён.')).toBeVisible();
  await expect(calendar.getByRole('radio', { name: /^2026 изменён приёмной/ })).toBeChecked();
  await expect(calendar.getByRole('button', { name: /Сохранить/ })).toHaveCount(0);

  const saved = (await app.call('calendar.list', {})).find((y) => y.year === 2026);
  expect(saved).toMatchObject({ editedByOffice: true, provisional: false });
  expect(saved?.nonWorkingDays).toContain('2026-03-13');
  expect(saved?.workingWeekendDays).toEqual([]);

  // An appeal registered now, through the form, ends on Thursday 12.03; the earlier one keeps its date.
  await page.keyboard.press('Alt+N');
  await page.locator('#reg-registeredOn').fill('13.02.2026');
  await expect(page.getByTestId('control-date')).toHaveText('Контрольная дата: 12.03.2026');
  await page.locator('#reg-lastName').fill('Сидоров');
  await page.locator('#reg-firstName').fill('Пётр');
  await page.locator('#reg-address').fill('г. Москва, ул. Садовая, д. 3, кв. 8');
  await page.locator('#reg-summary').fill('Не работает лифт');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved')).toHaveText(/№ ИВН-2026-00002\. Срок — 12\.03\.2026\./);
  await page.getByRole('button', { name: /Открыть карточку/ }).click();
  await expect(page.getByTestId('card-due-date')).toHaveText(/^12\.03\.2026/);
  await expect(page.getByTestId('card-term-date')).toHaveText('15.03.2026');
  expect(await app.call('appeals.get', { id: before.id })).toMatchObject({ dueDate: '2026-03-13' });
});

test('an assistant sees the calendar read-only', async ({ app, page }) => {
  await app.call('users.create', {
    login: 'kozlova',
    fullName: 'Козлова Дарья Андреевна',
    role: 'assistant',
    password: 'assistant-pass-1',
  });
  await app.open(page);
  await signIn(page, 'kozlova', 'assistant-pass-1');
  await openSettings(page, 'Производственный календарь');
  const calendar = page.getByRole('region', { name: 'Производственный календарь' });
  await expect(
    calendar.getByText('Изменять календарь могут администратор и руководитель приёмной.'),
  ).toBeVisible();
  await calendar.getByRole('radio', { name: /^2026/ }).check();
  const friday = calendar.getByRole('button', { name: /^13 марта 2026,/ });
  await expect(friday).toHaveAttribute('aria-disabled', 'true');
  await friday.click({ force: true });
  await friday.press('Enter');
  await expect(friday).toHaveAccessibleName('13 марта 2026, пятница — рабочий день');
  await expect(calendar.getByTestId('calendar-working-days')).toHaveText('Рабочих дней в 2026 году: 247');
  await expect(calendar.getByLabel('Источник')).toHaveAttribute('readonly', '');
  await expect(calendar.getByLabel(/^Предварительный/)).toBeDisabled();
  await expect(calendar.getByRole('button', { name: /Сохранить/ })).toHaveCount(0);
  await expect(calendar.getByText('есть несохранённые изменения')).toHaveCount(0);
});

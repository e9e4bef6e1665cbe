import { ADMIN, expect, OFFICE, test } from './fixtures';

/**
 * The acceptance path of a new office, as a new user walks it: first run, sign-in, an appeal registered with
 * the keyboard only, found again in the registry, and its card with the term computed by the rules.
 *
 * 13.02.2026 + 30 days = 15.03.2026, a Sunday (resources/calendar/2026.json); the office moves it to the
 * previous working day, Friday 13.03.2026 (Monday 09.03 is the day off for 8 March, which is not in play).
 */
test('first run → sign in → keyboard registration → search → card with the due date', async ({
  app,
  page,
}) => {
  await app.open(page);
  // The launch token is read and taken out of the address bar.
  await expect(page.getByRole('heading', { name: 'Первый запуск: настройка приёмной' })).toBeVisible();
  expect(page.url()).not.toContain('token=');

  await page.getByLabel('Название приёмной').fill(OFFICE.name);
  await page.getByLabel('Код приёмной').fill(OFFICE.code);
  await page.getByLabel('Регион').fill(OFFICE.region);
  await expect(page.getByLabel('Часовой пояс')).toHaveValue('Europe/Moscow');
  await page.getByLabel('Депутат (ФИО)').fill(OFFICE.deputyName);
  await page.getByLabel('Логин').fill(ADMIN.login);
  await page.getByLabel('ФИО', { exact: true }).fill(ADMIN.fullName);
  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Пароль ещё раз').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Создать приёмную' }).click();

  await expect(page.getByRole('status')).toHaveText(/Приёмная создана/);
  await expect(page.getByLabel('Логин')).toHaveValue(ADMIN.login);
  await expect(page.getByLabel('Пароль')).toBeFocused();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');

  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await expect(nav).toBeVisible();
  await expect(page.locator('.sidebar')).toContainText(ADMIN.fullName);
  await expect(page.locator('.sidebar')).toContainText(OFFICE.name);
  // The administrator lands on the office's home screen: nothing in work yet; Alt+1 opens the registry.
  await expect(page.getByTestId('home-open-count')).toHaveText('0');
  await page.keyboard.press('Alt+1');
  await expect(page.getByText('Обращений нет')).toBeVisible();

  // Keyboard only from here to the saved appeal: the tab order is the order of the paper.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Регистрация обращения' })).toBeVisible();
  const focused = (id: string) => expect(page.locator(`#${id}`)).toBeFocused();
  const tabTo = async (id: string) => {
    await page.keyboard.press('Tab');
    await focused(id);
  };
  await focused('reg-registeredOn');
  await page.keyboard.type('13.02.2026');
  await expect(page.getByTestId('control-date')).toHaveText('Контрольная дата: 13.03.2026');
  await expect(page.locator('.term__legal')).toHaveText('последний день по закону — 15.03.2026, нерабочий');
  await tabTo('reg-receivedOn');
  await page.keyboard.type('12.02.2026');
  await tabTo('reg-channel');
  await tabTo('reg-kind');
  await page.keyboard.press('ArrowUp'); // Заявление → Предложение
  await tabTo('reg-phone');
  await page.keyboard.type('8 (999) 123-45-67');
  await tabTo('reg-lastName');
  await page.keyboard.type('Петрова');
  await tabTo('reg-firstName');
  await page.keyboard.type('Анна');
  await tabTo('reg-middleName');
  await page.keyboard.type('Сергеевна');
  await tabTo('reg-address');
  await page.keyboard.type('г. Москва, ул. Лесная, д. 7, кв. 12');
  await tabTo('reg-email');
  await tabTo('reg-summary');
  await page.keyboard.type('Протекает крыша в подъезде');
  await tabTo('reg-text');
  await page.keyboard.type(
    'Третий месяц протекает кровля над пятым этажом, управляющая компания не отвечает.',
  );
  await tabTo('reg-topics');
  await page.keyboard.type('0005.0005');
  await tabTo('reg-responsible');
  await tabTo('reg-isRepeat');
  await tabTo('reg-isCollective');
  await tabTo('reg-isAnonymous');
  await tabTo('reg-onControl');
  await page.keyboard.press('Space');
  await tabTo('reg-submit');
  // Nothing the law requires is missing, so no Art. 11 warning.
  await expect(page.locator('#reg-warnings')).toHaveCount(0);
  await page.keyboard.press('Control+Enter');

  const saved = page.getByTestId('saved');
  await expect(saved).toHaveText(/Обращение зарегистрировано: № ИВН-2026-00001\. Срок — 13\.03\.2026\./);
  await expect(page.getByRole('button', { name: /Открыть карточку/ })).toBeFocused();

  // Search by a word of the text typed in capitals.
  await page.keyboard.press('/');
  const search = page.getByLabel('Поиск');
  await expect(search).toBeFocused();
  await page.keyboard.type('ПРОТЕКАЕТ');
  const grid = page.getByRole('grid', { name: 'Реестр обращений' });
  const row = grid.getByRole('row').filter({ hasText: 'ИВН-2026-00001' });
  await expect(page.getByTestId('registry-count')).toHaveText(/Найдено: 1 обращение/);
  await expect(row).toContainText('Петрова Анна Сергеевна');
  await expect(row).toContainText('13.02.2026');
  await expect(row).toContainText('Смирнова О. П.');
  // 13.03.2026 is long past: the row says so, to the eye (a red mark) and to a screen reader.
  await expect(row).toContainText('13.03.2026');
  await expect(row).toHaveClass(/grid__row--overdue/);
  await expect(row.getByText('просрочено')).toHaveClass('sr-only');

  // A word that is not there finds nothing: the search does filter.
  await search.fill('водоснабжение');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();

  // The phone written another way.
  await search.fill('+79991234567');
  await expect(page.getByTestId('registry-count')).toHaveText(/Найдено: 1 обращение/);
  await expect(row).toBeVisible();

  // Into the list and open the card: ↓ from the search, Enter on the row.
  await search.press('ArrowDown');
  await expect(grid).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();
  await expect(page.getByTestId('card-due-date')).toHaveText(/^13\.03\.2026/);
  await expect(page.getByTestId('card-term-date')).toHaveText('15.03.2026');
  await expect(page.locator('.due')).toContainText('13.02.2026');
  const applicant = page.getByRole('region', { name: 'Заявитель' });
  await expect(applicant).toContainText('Петрова Анна Сергеевна');
  await expect(applicant).toContainText('+79991234567');
  await expect(applicant).toContainText('г. Москва, ул. Лесная, д. 7, кв. 12');
  const registration = page.getByRole('region', { name: 'Регистрация' });
  await expect(registration).toContainText('12.02.2026');
  await expect(registration).toContainText('На контроле');
  await expect(page.getByRole('region', { name: 'Открытые задачи' })).toContainText(
    'Рассмотреть обращение и выбрать направление',
  );
  await expect(page.getByRole('region', { name: 'История' })).toContainText('Зарегистрировано');

  // Escape goes back to the registry, the search still in place.
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('+79991234567');
});

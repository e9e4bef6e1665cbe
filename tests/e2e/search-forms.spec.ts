import { APPEALS } from '../integration/search-fixture';
import { expect, signIn, test } from './fixtures';
import { seedAppeals } from './seed';

test('a contact is created, corrected and found by another case of the surname', async ({ app, page }) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await expect(page.getByText('Контактов нет.')).toBeVisible();

  // Created with a typo in the surname, two phones (the second one wrong at first), a status, tags, a consent.
  await page.getByRole('button', { name: 'Новый контакт' }).click();
  const form = page.getByRole('dialog', { name: 'Новый контакт' });
  await expect(form.getByLabel('Фамилия')).toBeFocused();
  await form.getByLabel('Фамилия').fill('Кузнецва');
  await form.getByLabel('Имя').fill('Мария');
  await form.getByLabel('Отчество').fill('Петровна');
  await form.getByRole('textbox', { name: 'Телефон 1' }).fill('8 903 111-22-33');
  await form.getByRole('button', { name: '+ Телефон' }).click();
  await form.getByRole('textbox', { name: 'Телефон 2' }).fill('12');
  await form.getByLabel('Адрес одной строкой').fill('г. Тверь, ул. Советская, д. 12, кв. 5');
  await form.getByLabel('Сторонник').check();
  await form.getByLabel('Метки').fill('школа, двор');
  await form.getByLabel('Рассылки').check();
  await page.keyboard.press('Control+Enter');
  // A consent needs its wording's version: asked before anything is sent.
  await expect(form.getByLabel('Редакция текста согласия')).toBeFocused();
  await form.getByLabel('Редакция текста согласия').fill('1');
  await page.keyboard.press('Control+Enter');
  // The refused phone is named under its input and has the focus; nothing was written.
  await expect(form.getByRole('textbox', { name: 'Телефон 2' })).toBeFocused();
  await expect(form.locator('#contact-form-phones-1-error')).toHaveText('Это не номер телефона');
  expect((await app.call('contacts.count', { filter: {} })).count).toBe(0);
  await form.getByRole('textbox', { name: 'Телефон 2' }).fill('+7 916 222-33-44');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  const card = page.getByRole('complementary', { name: 'Кузнецва Мария Петровна' });
  await expect(card).toContainText('+79031112233');
  await expect(card).toContainText('+79162223344');
  await expect(card).toContainText('Сторонник');
  await expect(card).toContainText('школа, двор');
  await expect(card).toContainText('Рассылки, ред. 1');

  // Corrected: the surname's typo, one phone replaced. Emptying both names is refused, naming the surname.
  await card.getByRole('button', { name: 'Изменить' }).click();
  const edit = page.getByRole('dialog', { name: 'Изменение контакта' });
  await expect(edit.getByLabel('Фамилия')).toHaveValue('Кузнецва');
  await edit.getByLabel('Фамилия').fill('');
  await edit.getByLabel('Имя').fill('');
  await edit.getByRole('button', { name: /Сохранить/ }).click();
  await expect(edit.getByLabel('Фамилия')).toBeFocused();
  await edit.getByLabel('Фамилия').fill('Кузнецова');
  await edit.getByLabel('Имя').fill('Мария');
  await edit.getByRole('textbox', { name: 'Телефон 1' }).fill('8 (903) 999-00-11');
  await edit.getByRole('button', { name: /Сохранить/ }).click();
  await expect(edit).toBeHidden();
  const fixed = page.getByRole('complementary', { name: 'Кузнецова Мария Петровна' });
  await expect(fixed).toContainText('+79039990011');
  await expect(fixed).not.toContainText('+79031112233');
  await fixed.getByRole('button', { name: 'Закрыть' }).click();

  // Found by «Кузнецовой»; Enter from the search box goes to the list, Enter there opens the card.
  await app.call('contacts.create', { lastName: 'Кузьмин', firstName: 'Олег' });
  const search = page.getByRole('searchbox', { name: 'Поиск: фамилия в любом падеже или телефон' });
  await search.fill('Кузнецовой');
  await expect(page.getByTestId('contacts-count')).toHaveText('1 контакт');
  await search.press('Enter');
  await expect(page.getByRole('grid', { name: 'Контакты' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fixed).toBeVisible();
  await fixed.getByRole('button', { name: 'Закрыть' }).click();
  // A single click opens a card too.
  await search.fill('кузьмину');
  await page.getByRole('gridcell', { name: 'Кузьмин Олег' }).click();
  await expect(page.getByRole('complementary', { name: 'Кузьмин Олег' })).toBeVisible();
  // Nobody found: the list says what to try.
  await search.fill('Петрову');
  await expect(page.getByTestId('contacts-empty')).toContainText('падеж не важен');
});

test('the registry finds appeals by other forms of their words', async ({ app, page }) => {
  await app.setUp();
  await seedAppeals(app);
  for (const a of APPEALS)
    await app.call('appeals.register', {
      channel: 'post',
      kind: 'complaint',
      summary: a.summary,
      text: a.text,
      applicant: { ...a.applicant, forceNew: true },
    });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  const search = page.getByLabel('Поиск', { exact: true });
  const count = page.getByTestId('registry-count');
  // The seeded office has one appeal of a roof («Протекает крыша в подъезде») and one of rubbish.
  const roofs = APPEALS.filter((a) => a.theme === 'roof').length + 1;
  const rubbish = APPEALS.filter((a) => a.theme === 'rubbish').length + 1;
  for (const q of ['КРЫША', 'крыши']) {
    await search.fill(q);
    await expect(count).toHaveText(new RegExp(`Найдено: ${roofs} обращени`));
  }
  await search.fill('мусора');
  await expect(count).toHaveText(new RegExp(`Найдено: ${rubbish} обращени`));
  await search.fill('Кузнецовой');
  await expect(page.getByRole('grid')).toContainText('Кузнецова Мария Петровна');
  await search.fill('крыша мусор');
  await expect(page.getByTestId('registry-empty')).toContainText('Уберите лишние слова');
});

import { expect, signIn, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
];

test('an anonymous appeal puts no empty contact in the base; its card shows the applicant unnamed', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.call('contacts.create', { lastName: 'Орлова', firstName: 'Анна', phones: ['89161112233'] });
  await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'complaint',
    summary: 'Не вывозят мусор во дворе',
    isAnonymous: true,
    applicant: {},
  });
  const shots = process.env.E2E_SHOTS_DIR;
  await app.open(page);
  await signIn(page);

  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await expect(page.getByTestId('contacts-count')).toHaveText('1 контакт');
  const rows = page.getByRole('grid', { name: 'Контакты' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Орлова Анна' })).toHaveCount(1);
  await expect(rows).toHaveCount(2); // the header and Орлова
  for (const size of shots ? SIZES : []) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${shots}/placeholder-contacts-${size.width}.png` });
  }

  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Не вывозят мусор' }).dblclick();
  const applicant = page.getByRole('region', { name: 'Заявитель' });
  await expect(applicant.locator('dd').first()).toHaveText('—'); // ФИО
  for (const size of shots ? SIZES : []) {
    await page.setViewportSize(size);
    await applicant.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/placeholder-card-${size.width}.png` });
  }
});

import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, signIn, test, type App } from './fixtures';
import { docxText } from '../integration/libreoffice';

/**
 * A наказ from a meeting with voters to its fulfilment: recorded on the event's card, found in «Наказы» under
 * its district, tied to the deputy's request, taken into work and marked done, and listed in the report
 * «Выполнение наказов» (the DOCX read back).
 */
test.use({ serverNow: '2026-03-02T07:00:00Z' });

const ASSISTANT = { login: 'orlova', fullName: 'Орлова Мария Игоревна', password: 'assistant-pass-1' };
const TEXT = 'Отремонтировать дорогу по ул. Лесной';

/** The page at both screen sizes, as `<name>-<width>.png`. */
async function shots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
}

async function arrange(app: App) {
  await app.setUp();
  await app.call('users.create', { ...ASSISTANT, role: 'assistant' });
  const body = await app.call('bodies.create', { name: 'Администрация Заволжского района', answerDays: 30 });
  const event = await app.call(
    'events.create',
    {
      title: 'Встреча с жителями пос. Лесной',
      kind: 'residents_meeting',
      date: '2026-02-20',
      district: 'Заволжский',
    },
    ASSISTANT.login,
  );
  const request = await app.call(
    'ownRequests.create',
    { bodyId: body.id, text: 'О ремонте дороги по ул. Лесной', legalBasis: 'ст. 14 закона № 3-ФЗ' },
    ASSISTANT.login,
  );
  return { event, request, body };
}

test('a наказ recorded at an event, linked to a request, done, is in «Выполнение наказов»', async ({
  page,
  app,
}, testInfo) => {
  const { event, request } = await arrange(app);
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
  await app.open(page);
  await signIn(page, ASSISTANT.login, ASSISTANT.password);

  // On the event's card.
  // The event's task on the home screen opens its card.
  await page
    .getByRole('link', { name: `Создание: ${event.title}` })
    .or(page.getByRole('button', { name: `Создание: ${event.title}` }))
    .first()
    .click();
  await expect(page.getByRole('heading', { name: event.title })).toBeVisible();
  const atEvent = page.getByTestId('event-mandates');
  await atEvent.getByRole('button', { name: 'Записать наказ' }).click();
  const form = page.getByRole('form', { name: 'Новый наказ' });
  await expect(form.getByLabel('Текст наказа')).toBeFocused();
  await page.keyboard.type(TEXT);
  await form.getByLabel('Кто дал наказ (коллектив избирателей)').fill('Жители ул. Лесной');
  await form.getByLabel('Населённый пункт').fill('пос. Лесной');
  await form.getByLabel('Планируемый год исполнения').fill('2026');
  await form.getByLabel('Ответственный орган').selectOption({ label: 'Администрация Заволжского района' });
  await page.keyboard.press('Control+Enter');
  await expect(atEvent.getByRole('listitem').filter({ hasText: TEXT })).toContainText('Принят');

  // In «Наказы», under the event's district.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Наказы' }).click();
  const list = page.getByTestId('mandates-list');
  await expect(list.getByRole('heading', { name: 'Заволжский' })).toBeVisible();
  await list.getByRole('button', { name: new RegExp(TEXT) }).click();
  const card = page.getByTestId('mandate-card');
  await expect(card).toContainText('Встреча с жителями пос. Лесной');

  await card.getByLabel('Связать с запросом').selectOption(`own_request:${request.id}`);
  await card.getByRole('button', { name: 'Связать', exact: true }).click();
  await expect(card.getByTestId('mandate-links')).toContainText(`Депутатский запрос: № ${request.number}`);

  await card.getByRole('button', { name: 'В работу' }).click();
  await expect(card.getByTestId('mandate-status')).toHaveText('В работе');
  await card.getByRole('button', { name: 'Выполнен', exact: true }).click();
  await expect(card.getByTestId('mandate-status')).toHaveText('Выполнен');
  const history = card.getByTestId('mandate-history');
  await expect(history).toContainText('В работе → Выполнен');
  await expect(history).toContainText('Добавлена связь');

  await shots(page, testInfo, 'mandates');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'DOCX' }).click();
  const file = await (await download).path();
  const text = docxText(fs.readFileSync(file));
  expect(text).toContain('Выполнение наказов избирателей');
  expect(text).toContain(TEXT);
  expect(text).toContain('Заволжский');
  expect(text).toContain('Выполнен');
});

test('a наказ from «Наказы» with voters, an event and a body picked; a document attached, downloaded; found by a word', async ({
  page,
  app,
}, testInfo) => {
  const { event, body } = await arrange(app);
  const voter = await app.call('contacts.create', {
    lastName: 'Сидоров',
    firstName: 'Пётр',
    district: 'Заволжский',
  });
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
  await app.open(page);
  await signIn(page, ASSISTANT.login, ASSISTANT.password);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Наказы' }).click();
  await page.getByRole('button', { name: 'Новый наказ' }).click();
  const form = page.getByRole('form', { name: 'Новый наказ' });
  await form.getByLabel('Текст наказа').fill('Починить дороги и тротуары в пос. Лесной');
  await form.getByLabel('Избиратели из базы контактов').fill('Сидор');
  await expect(form.locator('#mandate-contacts-options option')).toHaveCount(1);
  await form.getByLabel('Избиратели из базы контактов').fill(voter.fullName);
  await expect(form.getByTestId('mandate-voters')).toContainText(voter.fullName);
  await form.getByLabel('Мероприятие, на котором принят').selectOption(event.id);
  await form.getByLabel('Ответственный орган').selectOption(body.id);
  await shots(page, testInfo, 'mandate-form');
  await form.getByRole('button', { name: 'Принять наказ' }).click();

  const card = page.getByTestId('mandate-card');
  await expect(card.getByTestId('mandate-links')).toContainText(`Избиратель: ${voter.fullName}`);
  await expect(card.getByTestId('mandate-links')).toContainText(`Мероприятие: ${event.title}`);
  await expect(card).toContainText('Администрация Заволжского района');
  // The event's district, as recorded there.
  await expect(page.getByTestId('mandates-list').getByRole('heading', { name: 'Заволжский' })).toBeVisible();

  const content = 'Протокол встречи: жители просят починить дороги';
  await card.getByLabel('Прикрепить документ').setInputFiles({
    name: 'Протокол.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(content),
  });
  const docs = card.getByRole('region', { name: 'Документы' });
  await expect(docs).toContainText('Протокол.txt');
  await expect(card.getByTestId('mandate-history')).toContainText('Добавлен документ Протокол.txt');
  const download = page.waitForEvent('download');
  await docs.getByRole('link', { name: 'Протокол.txt' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Протокол.txt');
  expect(fs.readFileSync(await saved.path(), 'utf8')).toBe(content);

  // The register by a word of the text, in another form; a word in none finds nothing.
  const list = page.getByTestId('mandates-list');
  await page.getByLabel('Поиск по тексту').fill('дорога');
  await expect(list).toContainText('Найдено: 1');
  await expect(list).toContainText('Починить дороги и тротуары');
  await shots(page, testInfo, 'mandate-card-files');
  await card.screenshot({ path: testInfo.outputPath('mandate-card-1024-whole.png') });
  await page.getByLabel('Поиск по тексту').fill('мост');
  await expect(list).toContainText('Наказов нет.');
});

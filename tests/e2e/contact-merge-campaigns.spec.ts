import { campaignsUi } from '../../shared/i18n/ru/campaigns';
import { expect, signIn, test } from './fixtures';

test('a merged duplicate’s campaign and its stage show on the kept contact’s card', async ({ app, page }) => {
  await app.setUp();
  const campaign = await app.call('campaigns.create', { name: 'Сквер', kind: 'signatures' });
  const keep = await app.call('contacts.create', { lastName: 'Петров', phones: ['+7 916 100-00-01'] });
  const dup = await app.call('contacts.create', { lastName: 'Петров', phones: ['+7 916 100-00-02'] });
  await app.call('campaigns.addContacts', { campaignId: campaign.id, contactIds: [keep.id, dup.id] });
  const member = (await app.call('campaigns.members', { campaignId: campaign.id })).rows.find(
    (r) => r.contactId === dup.id,
  )!;
  await app.call('campaigns.move', { memberId: member.id, stageId: campaign.stages[2]!.id });
  await app.call('contacts.merge', { keepId: keep.id, mergeId: dup.id });

  await app.open(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await page.getByRole('grid', { name: 'Контакты' }).getByRole('row').filter({ hasText: 'Петров' }).click();
  const card = page.getByRole('complementary', { name: 'Петров' });
  await expect(card).toContainText(campaignsUi.merged('Сквер', campaign.stages[2]!.name, 'merged', true));
  await card
    .getByText(campaignsUi.merged('Сквер', campaign.stages[2]!.name, 'merged', true))
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('merge-timeline-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: test.info().outputPath('merge-timeline-1024.png') });
});

import { describe, expect, it } from 'vitest';
import { campaignsUi } from '../../shared/i18n/ru/campaigns';
import { testOffice, type TestOffice } from './office-fixture';

const HOUR = 3_600_000;

/** The live memberships of a contact as the file holds them: campaign name and stage name. */
function memberships(o: TestOffice, contactId: string): [string, string][] {
  return (
    o.handle.sqlite
      .prepare(
        `SELECT c.name AS campaign, s.name AS stage FROM campaign_members m
         JOIN campaigns c ON c.id = m.campaign_id JOIN campaign_stages s ON s.id = m.stage_id
         WHERE m.contact_id = ? AND m.deleted_at IS NULL ORDER BY c.name`,
      )
      .all(contactId) as { campaign: string; stage: string }[]
  ).map((r) => [r.campaign, r.stage]);
}

const memberCount = (o: TestOffice, campaignId: string): number =>
  (
    o.handle.sqlite
      .prepare('SELECT count(*) AS n FROM campaign_members WHERE campaign_id = ? AND deleted_at IS NULL')
      .get(campaignId) as { n: number }
  ).n;

async function setUp() {
  const o = await testOffice('2026-02-02T07:00:00Z');
  const camp = async (name: string) => o.call('campaigns.create', { name, kind: 'signatures' });
  const sq = await camp('Сквер');
  const school = await camp('Школа');
  const road = await camp('Дорога');
  const [field] = await o.call('contactFields.save', { name: 'Участок', type: 'text' });
  const keep = await o.call('contacts.create', { lastName: 'Петров', phones: ['+7 916 100-00-01'] });
  const dup = await o.call('contacts.create', {
    lastName: 'Петров',
    firstName: 'Иван',
    phones: ['+7 916 100-00-02'],
    emails: [{ email: 'petrov@example.ru', kind: 'personal' }],
    socials: [{ network: 'telegram', handle: 'petrov' }],
    fieldValues: { [field!.id]: '№ 5' },
  });
  for (const campaign of [sq, school])
    await o.call('campaigns.addContacts', { campaignId: campaign.id, contactIds: [keep.id, dup.id] });
  await o.call('campaigns.addContacts', { campaignId: road.id, contactIds: [dup.id] });
  const member = async (campaignId: string, contactId: string) =>
    (await o.call('campaigns.members', { campaignId })).rows.find((r) => r.contactId === contactId)!.id;
  o.clock.advance(HOUR);
  // «Сквер»: the duplicate is further along (third stage), the kept contact at the first.
  await o.call('campaigns.move', { memberId: await member(sq.id, dup.id), stageId: sq.stages[2]!.id });
  // «Школа»: the kept contact is at the last stage, the duplicate at the second.
  await o.call('campaigns.move', {
    memberId: await member(school.id, keep.id),
    stageId: school.stages[3]!.id,
  });
  await o.call('campaigns.move', { memberId: await member(school.id, dup.id), step: 'next' });
  // «Дорога»: only the duplicate, at the second stage.
  await o.call('campaigns.move', { memberId: await member(road.id, dup.id), step: 'next' });
  o.clock.advance(HOUR);
  return { o, sq, school, road, keep, dup, member };
}

describe('a contact merge and the campaigns', () => {
  it('carries the memberships: the stage further along the funnel stays, said on the timeline; the history follows', async () => {
    const { o, sq, school, road, keep, dup, member } = await setUp();
    const before = new Map([
      [keep.id, memberships(o, keep.id)],
      [dup.id, memberships(o, dup.id)],
    ]);
    expect(before.get(dup.id)).toEqual([
      ['Дорога', road.stages[1]!.name],
      ['Сквер', sq.stages[2]!.name],
      ['Школа', school.stages[1]!.name],
    ]);
    const dupMoves = (await o.call('campaigns.history', { memberId: await member(sq.id, dup.id) })).length;

    const { mergeId, contact } = await o.call('contacts.merge', { keepId: keep.id, mergeId: dup.id });
    expect(memberships(o, keep.id)).toEqual([
      ['Дорога', road.stages[1]!.name],
      ['Сквер', sq.stages[2]!.name],
      ['Школа', school.stages[3]!.name],
    ]);
    expect(memberships(o, dup.id)).toEqual([]);
    for (const c of [sq, school, road])
      expect((await o.call('campaigns.get', { id: c.id })).members).toBe(memberCount(o, c.id));
    expect(memberCount(o, sq.id)).toBe(1);
    // The duplicate's moves are now the kept contact's history in the campaign.
    const history = await o.call('campaigns.history', { memberId: await member(sq.id, keep.id) });
    expect(history.length).toBeGreaterThanOrEqual(dupMoves + 1);
    // The kept contact is the one member of «Дорога»: taking him in again finds him there.
    expect(
      await o.call('campaigns.addContacts', { campaignId: road.id, contactIds: [keep.id] }),
    ).toMatchObject({
      added: 0,
      already: 1,
    });

    const merges = contact.timeline
      .filter((t) => t.kind === 'merge' && t.refId === mergeId)
      .map((t) => t.title);
    expect(merges).toEqual(
      expect.arrayContaining([
        campaignsUi.merged('Сквер', sq.stages[2]!.name, 'merged', true),
        campaignsUi.merged('Школа', school.stages[3]!.name, 'kept', true),
        campaignsUi.merged('Дорога', road.stages[1]!.name, 'merged', false),
      ]),
    );
    expect(merges).toHaveLength(4);

    // The duplicate's e-mail, link and field value are the kept contact's now.
    expect(contact.emails.map((e) => e.email)).toEqual(['petrov@example.ru']);
    expect(contact.socials.map((s) => [s.network, s.handle])).toEqual([['telegram', 'petrov']]);
    expect(contact.fieldValues.map((v) => [v.name, v.value])).toEqual([['Участок', '№ 5']]);

    await o.call('contacts.undoMerge', { mergeId });
    expect(memberships(o, keep.id)).toEqual(before.get(keep.id));
    expect(memberships(o, dup.id)).toEqual(before.get(dup.id));
    expect((await o.call('campaigns.history', { memberId: await member(sq.id, dup.id) })).length).toBe(
      dupMoves,
    );
    const after = await o.call('contacts.get', { id: keep.id });
    expect(after.timeline.filter((t) => t.kind === 'merge').map((t) => t.title)).toEqual([
      expect.stringContaining('отменено'),
    ]);
  });

  it('the personal-data export lists the campaigns with stage and dates, and the fields', async () => {
    const { o, sq, keep, dup } = await setUp();
    await o.call('contacts.merge', { keepId: keep.id, mergeId: dup.id });
    const data = JSON.parse((await o.call('contacts.personalData', { id: keep.id })).json) as {
      campaigns: { campaign: string; stage: string; stageSince: string; takenIn: string }[];
      contact: { fieldValues: { name: string; value: unknown }[] };
    };
    const expected = o.handle.sqlite
      .prepare(
        `SELECT c.name AS campaign, s.name AS stage, m.moved_at AS stageSince FROM campaign_members m
         JOIN campaigns c ON c.id = m.campaign_id JOIN campaign_stages s ON s.id = m.stage_id
         WHERE m.contact_id = ? AND m.deleted_at IS NULL ORDER BY c.name`,
      )
      .all(keep.id);
    expect(
      data.campaigns
        .map(({ campaign, stage, stageSince }) => ({ campaign, stage, stageSince }))
        .sort((a, b) => a.campaign.localeCompare(b.campaign)),
    ).toEqual(expected);
    expect(data.campaigns.find((c) => c.campaign === 'Сквер')).toMatchObject({
      stage: sq.stages[2]!.name,
      takenIn: '2026-02-02T07:00:00.000Z',
      stageSince: '2026-02-02T08:00:00.000Z',
    });
    expect(data.contact.fieldValues).toEqual([expect.objectContaining({ name: 'Участок', value: '№ 5' })]);
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { stagesFromLines } from '../../renderer/src/features/campaigns/stages';
import { DEFAULT_CAMPAIGN_STAGES } from '../../shared/i18n/ru/campaigns';
import { dumpTables } from './helpers';
import { testOffice } from './office-fixture';

const NOW = '2026-02-13T07:30:00Z';

describe('a campaign’s funnel changed by the office', () => {
  it('renamed, reordered, grown and cut as the form’s lines say: contacts keep their stage, history reads the new names', async () => {
    const o = await testOffice(NOW);
    const c = await o.call('campaigns.create', { name: 'Опрос о сквере', kind: 'survey' });
    const ids = [];
    for (const lastName of ['Белова', 'Волков', 'Гусева'])
      ids.push((await o.call('contacts.create', { lastName, firstName: 'Анна' })).id);
    await o.call('campaigns.addContacts', { campaignId: c.id, contactIds: ids });
    const { rows } = await o.call('campaigns.members', { campaignId: c.id });
    const [first, second, scouts, signed] = c.stages;
    await o.call('campaigns.move', { memberId: rows[0]!.id, stageId: scouts!.id });
    await o.call('campaigns.move', { memberId: rows[1]!.id, stageId: signed!.id });

    // «Задача скаутам» renamed on its line, the last two swapped, an empty stage dropped, one added.
    const lines = ['Первичный контакт', 'Ответил на опрос', 'Подпись получена', 'Поручено скаутам'];
    const stages = stagesFromLines(lines, c.stages);
    expect(stages).toEqual([
      { id: first!.id, name: 'Первичный контакт' },
      { id: second!.id, name: 'Ответил на опрос' },
      { id: signed!.id, name: 'Подпись получена' },
      { name: 'Поручено скаутам' },
    ]);
    // As written the line for scouts is new and their stage is dropped: refused, it has a contact.
    const before = dumpTables(o.handle.sqlite);
    const refused = await o.fail('campaigns.update', { ...c, version: c.version, stages });
    expect([refused.code, refused.field]).toEqual(['invalid_state', 'stages']);
    expect(refused.message).toContain(scouts!.name);
    expect(dumpTables(o.handle.sqlite)).toBe(before);

    // Renamed in place, the stage keeps its id and its contact; the next line keeps «Подпись получена».
    const renamed = ['Первичный контакт', 'Ответил на опрос', 'Поручено скаутам', 'Подпись получена', 'Итог'];
    const changed = await o.call('campaigns.update', {
      id: c.id,
      version: c.version,
      name: c.name,
      kind: c.kind,
      stages: stagesFromLines(renamed, c.stages),
    });
    expect(changed.stages.map((s) => s.name)).toEqual(renamed);
    expect(changed.stages.slice(0, 4).map((s) => s.id)).toEqual(c.stages.map((s) => s.id));
    expect(changed.stages.map((s) => s.count)).toEqual([1, 0, 1, 1, 0]);

    // The emptied «Ответил на опрос» goes; the other stages keep their ids in the new order.
    const cut = await o.call('campaigns.update', {
      id: c.id,
      version: changed.version,
      name: c.name,
      kind: c.kind,
      stages: stagesFromLines(
        ['Первичный контакт', 'Поручено скаутам', 'Подпись получена', 'Итог'],
        changed.stages,
      ),
    });
    expect(cut.stages.map((s) => [s.id, s.position])).toEqual([
      [first!.id, 0],
      [scouts!.id, 1],
      [signed!.id, 2],
      [changed.stages[4]!.id, 3],
    ]);
    const history = await o.call('campaigns.history', { memberId: rows[0]!.id });
    expect(history.map((h) => h.toStage)).toEqual(['Первичный контакт', 'Поручено скаутам']);

    // Moving on from the renamed stage follows the new order.
    const moved = await o.call('campaigns.move', { memberId: rows[0]!.id, step: 'next' });
    expect(moved.stageId).toBe(signed!.id);

    const db = new Database(o.file, { readonly: true });
    try {
      const live = db
        .prepare(
          'SELECT name FROM campaign_stages WHERE campaign_id = ? AND deleted_at IS NULL ORDER BY position',
        )
        .all(c.id)
        .map((r) => (r as { name: string }).name);
      expect(live).toEqual(cut.stages.map((s) => s.name));
      const dropped = db
        .prepare('SELECT name FROM campaign_stages WHERE campaign_id = ? AND deleted_at IS NOT NULL')
        .all(c.id);
      expect(dropped).toEqual([{ name: 'Ответил на опрос' }]);
      expect(
        db
          .prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'campaign_stages' AND row_id = ?")
          .get(second!.id),
      ).toEqual({ n: 3 });
    } finally {
      db.close();
    }
    expect(c.stages.map((s) => s.name)).toEqual([...DEFAULT_CAMPAIGN_STAGES]);
  });
});

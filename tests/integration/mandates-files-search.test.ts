import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath } from '../../main/attachments/attachments';
import { dumpTables } from './helpers';
import { testOffice } from './office-fixture';

describe('наказы: documents and the search over their words', () => {
  it('a document attached to a наказ shows on its card and history and downloads as it was given', async () => {
    const o = await testOffice();
    const anna = await o.addUser('anna', 'assistant');
    const m = await o.call('mandates.create', { text: 'Построить детскую площадку во дворе' }, anna.token);
    const content = Buffer.from('Протокол встречи с жителями');
    const base = { id: m.id, name: 'протокол.txt', mime: 'text/plain' as const };

    // A file that is not what it says, a name with a path, a наказ that is not: refused, nothing kept.
    const before = dumpTables(o.handle.sqlite);
    const pdf = { ...base, name: 'скан.pdf', mime: 'application/pdf' as const };
    expect(await o.fail('mandates.attach', { ...pdf, dataBase64: content.toString('base64') })).toMatchObject(
      {
        code: 'validation',
        field: 'dataBase64',
      },
    );
    expect(
      await o.fail('mandates.attach', {
        ...base,
        name: '../протокол.txt',
        dataBase64: content.toString('base64'),
      }),
    ).toMatchObject({ field: 'name' });
    expect(
      await o.fail('mandates.attach', { ...base, id: anna.id, dataBase64: content.toString('base64') }),
    ).toMatchObject({ code: 'not_found', field: 'id' });
    expect(dumpTables(o.handle.sqlite)).toBe(before);

    await o.call('mandates.attach', { ...base, dataBase64: content.toString('base64') }, anna.token);
    const card = await o.call('mandates.card', { id: m.id });
    expect(card.files.map((f) => [f.name, f.mime, f.size])).toEqual([
      ['протокол.txt', 'text/plain', content.length],
    ]);
    expect(card.history.map((h) => h.action)).toEqual(['create', 'attach']);
    const row = o.handle.sqlite
      .prepare('SELECT sha256, office_id, hlc FROM mandate_files WHERE mandate_id = ?')
      .get(m.id) as { sha256: string; office_id: string; hlc: string };
    expect(row.sha256).toBe(card.files[0]!.sha256);
    expect(fs.readFileSync(attachmentPath(path.dirname(o.file), row.sha256)).equals(content)).toBe(true);
    // Synced like the наказ: the change log has the row.
    const logged = o.handle.sqlite
      .prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'mandate_files' AND row_id = ?")
      .get(card.files[0]!.id) as { n: number };
    expect(logged.n).toBe(1);

    const got = await o.call('mandates.file', { id: card.files[0]!.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(content)).toBe(true);
    expect(await o.fail('mandates.file', { id: m.id })).toMatchObject({ code: 'not_found', field: 'id' });
  });

  it('the register finds наказы by any form of their words, ё as е, with the other filters', async () => {
    const o = await testOffice();
    const texts = [
      { text: 'Отремонтировать дорогу по улице Лесной', district: 'Заволжский' },
      { text: 'Благоустроить двор, починить ДОРОГИ', district: 'Центральный' },
      { text: 'Построить детскую площадку', district: 'Заволжский', givers: 'Жители дома № 5' },
      { text: 'Провести освещение во дворе', district: 'Заволжский', address: 'ул. Ёлочная, 3' },
    ];
    const ids: string[] = [];
    for (const t of texts) ids.push((await o.call('mandates.create', t)).id);
    const found = async (f: Record<string, unknown>) =>
      (await o.call('mandates.list', { ...f, limit: 50 })).rows.map((r) => r.text).sort();
    const bySql = (like: string) =>
      (
        o.handle.sqlite
          .prepare('SELECT text FROM mandates WHERE deleted_at IS NULL AND lower(text) LIKE ? ORDER BY text')
          .all(like) as { text: string }[]
      ).map((r) => r.text);

    expect(await found({ q: 'дорога' })).toEqual([texts[0]!.text, texts[1]!.text].sort());
    expect(await found({ q: 'двор' })).toEqual([texts[1]!.text, texts[3]!.text].sort());
    expect(await found({ q: 'двор', district: 'Заволжский' })).toEqual([texts[3]!.text]);
    // Who gave it and the address are searched too; «елочная» finds «Ёлочная».
    expect(await found({ q: 'жители' })).toEqual([texts[2]!.text]);
    expect(await found({ q: 'елочная' })).toEqual([texts[3]!.text]);
    expect(await found({ q: 'площадк' })).toEqual(bySql('%площадк%'));
    const page = await o.call('mandates.list', { q: 'дорог', limit: 1 });
    expect(page.total).toBe(2);

    // An edit and a status move keep the index right: the old words are gone, the new found.
    await o.call('mandates.update', { id: ids[2]!, text: 'Построить спортивную площадку' });
    expect(await found({ q: 'детскую' })).toEqual([]);
    expect(await found({ q: 'спортивная' })).toEqual(['Построить спортивную площадку']);
    await o.call('mandates.setStatus', { id: ids[2]!, status: 'in_work' });
    expect(await found({ q: 'спортивная', status: ['in_work'] })).toEqual(['Построить спортивную площадку']);

    // Nothing to search by: the field is named.
    expect(await o.fail('mandates.list', { q: '!!!', limit: 50 })).toMatchObject({
      code: 'validation',
      field: 'q',
    });
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { testOffice, type TestOffice } from './office-fixture';

const upload = async (o: TestOffice, name: string, text: string) =>
  (await o.call('contacts.upload', { name, dataBase64: Buffer.from(text, 'utf8').toString('base64') }))
    .uploadId;

const surnames = (o: TestOffice): string[] =>
  (
    o.handle.sqlite
      .prepare('SELECT last_name FROM contacts WHERE deleted_at IS NULL ORDER BY last_name')
      .all() as { last_name: string }[]
  ).map((r) => r.last_name);

describe('a required field of the office', () => {
  it('at import: a row without it is reported by line and field and not imported, the others are', async () => {
    const o = await testOffice();
    await o.call('contactFields.save', {
      name: 'Участок',
      type: 'list',
      options: ['№ 1', '№ 2'],
      required: true,
    });
    await o.call('contactFields.save', { name: 'Подписей', type: 'number' });
    const text =
      'Фамилия;Телефон;Участок;Подписей\r\n' +
      'Антонов;89991000001;№ 1;3\r\n' +
      'Борисова;89991000002;;4\r\n' +
      'Власов;89991000003;№ 2;\r\n' +
      'Глебова;89991000004;  ;\r\n';
    const uploadId = await upload(o, 'a.csv', text);

    const preview = await o.call('contacts.importPreview', { source: { uploadId } });
    expect(preview.rows.map((r) => r.reason)).toEqual([
      null,
      'не заполнено обязательное поле: «Участок»',
      null,
      'не заполнено обязательное поле: «Участок»',
    ]);

    const s = await o.call('contacts.import', { source: { uploadId } });
    expect(s).toMatchObject({ created: 2, skipped: 2, skippedBy: { missing_field: 2 } });
    expect(s.rejected.map((r) => [r.line, r.reason, r.field])).toEqual([
      [3, 'missing_field', 'Участок'],
      [5, 'missing_field', 'Участок'],
    ]);
    expect(surnames(o)).toEqual(['Антонов', 'Власов']);
    const csv = iconv.decode(Buffer.from(s.rejectedCsvBase64!, 'base64'), 'cp1251');
    expect(csv).toContain('3;не заполнено обязательное поле: «Участок»;Борисова');
  });

  it('a file without the required field’s column imports nothing and says so for every row', async () => {
    const o = await testOffice();
    await o.call('contactFields.save', { name: 'Участок', type: 'text', required: true });
    const uploadId = await upload(
      o,
      'b.csv',
      'Фамилия;Телефон\r\nДёмин;89991000005\r\nЕгоров;89991000006\r\n',
    );
    const s = await o.call('contacts.import', { source: { uploadId } });
    expect(s).toMatchObject({ created: 0, skipped: 2, skippedBy: { missing_field: 2 } });
    expect(surnames(o)).toEqual([]);
  });

  it('on the card: a contact cannot be saved with it emptied, and the refusal changes nothing', async () => {
    const o = await testOffice();
    const [def] = await o.call('contactFields.save', { name: 'Участок', type: 'text', required: true });
    const c = await o.call('contacts.create', {
      lastName: 'Жуков',
      phones: ['+7 999 100-00-07'],
      fieldValues: { [def!.id]: '12' },
    });
    const field = `fieldValues.${def!.id}`;
    for (const value of [null, '   '])
      expect(
        await o.fail('contacts.update', {
          id: c.id,
          fields: { comment: 'x', fieldValues: { [def!.id]: value } },
        }),
      ).toMatchObject({ code: 'validation', field });
    const card = await o.call('contacts.get', { id: c.id });
    expect(card.fieldValues.map((v) => [v.name, v.value])).toEqual([['Участок', '12']]);
    expect(card.comment).toBeNull();
  });
});

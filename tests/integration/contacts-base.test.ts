import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { testOffice } from './office-fixture';
import { seed, audits } from './contacts-fixture';

describe('the contact card', () => {
  it('keeps phones as written and in E.164, statuses, tags, consents and a timeline; reads are logged', async () => {
    const o = await testOffice();
    const [id] = await seed(o);
    await o.call('contacts.giveConsent', { id: id!, purpose: 'mailing', wordingVersion: '2025-01' });
    await o.call('contacts.addNote', { id: id!, text: 'Просила перезвонить после 18:00' });
    const card = await o.call('contacts.get', { id: id! });
    expect(card.phones).toEqual([
      { phone: '+79991234567', raw: '8 (999) 123-45-67' },
      { phone: '+79160001122', raw: '+7 916 000 11 22' },
    ]);
    expect(card).toMatchObject({
      statuses: ['house_head'],
      tags: ['двор', 'крыша'],
      birthDate: '1961-04-12',
    });
    expect(card.consents).toMatchObject([
      { purpose: 'mailing', wordingVersion: '2025-01', withdrawnAt: null },
    ]);
    expect(card.timeline.map((t) => t.kind).sort()).toEqual(['consent_given', 'created', 'note']);
    expect(audits(o, 'contacts.get').map((a) => a.entity_id)).toEqual([id]);

    const after = await o.call('contacts.update', {
      id: id!,
      fields: { phones: ['89991234567'], tags: ['двор'] },
    });
    expect(after.phones).toEqual([{ phone: '+79991234567', raw: '8 (999) 123-45-67' }]);
    expect(after.tags).toEqual(['двор']);
    const bad = await o.fail('contacts.update', { id: id!, fields: { phones: ['не телефон'] } });
    expect(bad).toMatchObject({ code: 'validation', field: 'phones.0' });
  });

  it('registration still finds the applicant among contacts of the base, by a phone written another way', async () => {
    const o = await testOffice();
    await seed(o);
    const found = await o.call('contacts.lookup', { phone: '+7 999 765-43-21', limit: 5 });
    expect(found.map((c) => [c.fullName, c.matchedBy])).toEqual([['Смирнов Олег', 'phone']]);
  });
});

describe('duplicates', () => {
  it('suggests pairs by phone, e-mail, and name with address (ё = е); merges field by field and undoes', async () => {
    const o = await testOffice();
    const [elkina] = await seed(o);
    const twin = await o.call('contacts.create', {
      lastName: 'Елкина',
      firstName: 'майя',
      middleName: 'Йовановна',
      phones: ['+79990001111'],
      address: 'г.Тверь, ул.Советская, д.5, кв.12',
      birthDate: '1961-04-12',
      tags: ['собрание'],
    });
    const byPhone = await o.call('contacts.create', { lastName: 'Смирнова', phones: ['8 999 765 43 21'] });
    const byEmail = await o.call('contacts.create', { lastName: 'Орлова', email: 'ORLOVA@example.ru' });
    const appeal = await o.call('appeals.register', {
      registeredOn: '2026-02-13',
      channel: 'post',
      kind: 'complaint',
      summary: 'Протекает крыша',
      applicant: { contactId: twin.id },
    });
    const pairs = await o.call('contacts.duplicates', {});
    const found = pairs.map((p) => [[p.a.id, p.b.id].sort().join(' '), p.matchedBy]).sort();
    const pair = (x: string, y: string): string => [x, y].sort().join(' ');
    const ids = (await o.call('contacts.list', { filter: {} })).rows;
    const idOf = (name: string) => ids.find((r) => r.fullName.startsWith(name))!.id;
    expect(found).toEqual(
      [
        [pair(idOf('Смирнов Олег'), byPhone.id), 'phone'],
        [pair(idOf('Орлова Анна'), byEmail.id), 'email'],
        [pair(elkina!, twin.id), 'name_address'],
      ].sort(),
    );

    const { mergeId, contact } = await o.call('contacts.merge', {
      keepId: elkina!,
      mergeId: twin.id,
      take: ['address'],
    });
    expect(contact.lastName).toBe('Ёлкина');
    expect(contact.address).toBe('г.Тверь, ул.Советская, д.5, кв.12');
    expect(contact.phones.map((p) => p.phone)).toEqual(['+79991234567', '+79160001122', '+79990001111']);
    expect(contact.tags).toEqual(['двор', 'крыша', 'собрание']);
    expect(contact.timeline.find((t) => t.kind === 'appeal')?.refId).toBe(appeal.id);
    expect((await o.fail('contacts.get', { id: twin.id })).code).toBe('not_found');

    await o.call('contacts.undoMerge', { mergeId });
    const back = await o.call('contacts.get', { id: elkina! });
    expect(back.address).toBe('г. Тверь, ул. Советская, д. 5, кв. 12');
    expect(back.phones.map((p) => p.phone)).toEqual(['+79991234567', '+79160001122']);
    expect(back.tags).toEqual(['двор', 'крыша']);
    const restored = await o.call('contacts.get', { id: twin.id });
    expect(restored.phones.map((p) => p.phone)).toEqual(['+79990001111']);
    expect(restored.timeline.find((t) => t.kind === 'appeal')?.refId).toBe(appeal.id);
    expect((await o.fail('contacts.undoMerge', { mergeId })).code).toBe('invalid_state');
  });

  it('moves event participations with a merge, one per event, and gives them back on undo', async () => {
    const o = await testOffice();
    const keep = await o.call('contacts.create', {
      lastName: 'Ёлкина',
      firstName: 'Майя',
      phones: ['+79990001111'],
    });
    const twin = await o.call('contacts.create', {
      lastName: 'Елкина',
      firstName: 'Майя',
      phones: ['+79990001111'],
    });
    const both = await o.call('events.create', {
      title: 'Встреча с жителями',
      kind: 'residents_meeting',
      date: '2026-03-05',
      participants: [{ contactId: keep.id }, { contactId: twin.id, attended: true }],
    });
    const twinOnly = await o.call('events.create', {
      title: 'День приёма',
      kind: 'reception_day',
      date: '2026-03-12',
      participants: [{ contactId: twin.id }],
    });
    const who = async (id: string) =>
      (await o.call('events.get', { id })).participants.map((p) => p.contactId).sort();
    const { mergeId } = await o.call('contacts.merge', { keepId: keep.id, mergeId: twin.id, take: [] });
    expect(await who(both.id)).toEqual([keep.id]);
    expect(await who(twinOnly.id)).toEqual([keep.id]);
    await o.call('contacts.undoMerge', { mergeId });
    expect(await who(both.id)).toEqual([keep.id, twin.id].sort());
    expect(await who(twinOnly.id)).toEqual([twin.id]);
  });

  it('merges exact phone matches automatically only when the office turns it on', async () => {
    const o = await testOffice();
    await seed(o);
    o.clock.advance(60_000);
    const dup = await o.call('contacts.create', {
      lastName: 'Смирнов',
      firstName: 'О.',
      phones: ['+79997654321'],
      email: 's@example.ru',
    });
    expect((await o.fail('contacts.autoMerge', {})).code).toBe('invalid_state');
    await o.call('contacts.updateSettings', { autoMergePhone: true });
    expect(await o.call('contacts.autoMerge', {})).toEqual({ merged: 1 });
    const [kept] = (await o.call('contacts.list', { filter: { q: 'смирнов' } })).rows;
    expect(kept!.fullName).toBe('Смирнов Олег');
    expect(kept!.email).toBe('s@example.ru');
    expect((await o.fail('contacts.get', { id: dup.id })).code).toBe('not_found');
  });
});

describe('segments', () => {
  it('counts live over statuses, tags, district, consent and activity', async () => {
    const o = await testOffice();
    const [elkina, smirnov] = await seed(o);
    await o.call('appeals.register', {
      registeredOn: '2026-02-13',
      channel: 'post',
      kind: 'complaint',
      summary: 'Протекает крыша',
      topics: ['0005.0005.0056.1149'],
      applicant: { contactId: smirnov! },
    });
    await o.call('contacts.giveConsent', { id: elkina!, purpose: 'mailing', wordingVersion: '1' });
    const n = async (filter: Input<'contacts.count'>['filter']) =>
      (await o.call('contacts.count', { filter })).count;
    expect(await n({})).toBe(4);
    expect(await n({ district: 'Центральный' })).toBe(2);
    expect(await n({ statuses: ['house_head', 'supporter'] })).toBe(2);
    expect(await n({ tags: ['школа'] })).toBe(1);
    expect(await n({ consent: { purpose: 'mailing', given: true } })).toBe(1);
    expect(await n({ consent: { purpose: 'mailing', given: false } })).toBe(3);
    expect(await n({ appealed: { since: '2025-02-13', topicPrefix: '0005' } })).toBe(1);
    expect(await n({ appealed: { topicPrefix: '0002' } })).toBe(0);
    expect(await n({ q: 'елкина' })).toBe(1);
    expect(await n({ q: '8 916 000-11-22' })).toBe(1);
    expect(await n({ hasPhone: false })).toBe(1);

    const seg = await o.call('segments.save', {
      name: 'Центр: актив',
      filter: { district: 'Центральный', statuses: ['supporter'] },
    });
    expect(await o.call('segments.list', {})).toMatchObject([{ id: seg.id, name: 'Центр: актив', count: 1 }]);
    await o.call('contacts.create', {
      lastName: 'Новый',
      phones: ['89990000009'],
      district: 'Центральный',
      statuses: ['supporter'],
    });
    expect((await o.call('segments.list', {}))[0]!.count).toBe(2);
  });
});

/**
 * The CSV as LibreOffice reads it in the Windows-1251 encoding Excel assumes on a Russian desktop, written back
 * as UTF-8. (This machine has LibreOffice's text import, not Calc; the decoding is the same.)
 */

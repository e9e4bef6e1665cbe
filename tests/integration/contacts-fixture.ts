/** Contacts as offices keep them, for the contact-base tests. */
import type { Input } from '../../shared/api/index';
import type { TestOffice } from './office-fixture';

export type Fields = Input<'contacts.create'>;

export const people: Fields[] = [
  {
    lastName: 'Ёлкина',
    firstName: 'Майя',
    middleName: 'Йовановна',
    phones: ['8 (999) 123-45-67', '+7 916 000 11 22'],
    email: 'elkina@example.ru',
    address: 'г. Тверь, ул. Советская, д. 5, кв. 12',
    district: 'Центральный',
    birthDate: '1961-04-12',
    statuses: ['house_head'],
    tags: ['двор', 'крыша'],
    source: 'Подписи 2025',
    comment: '=HYPERLINK("http://evil")',
  },
  {
    lastName: 'Смирнов',
    firstName: 'Олег',
    phones: ['89997654321'],
    address: 'г. Тверь, ул. Трёхсвятская, д. 1',
    district: 'Центральный',
    statuses: ['supporter'],
  },
  {
    lastName: 'Орлова',
    firstName: 'Анна',
    email: 'orlova@example.ru',
    district: 'Заволжский',
    tags: ['школа'],
  },
  { lastName: '-Минусов', firstName: '@Собака', phones: ['9031234567'], comment: '+1 к списку' },
];

export async function seed(o: TestOffice): Promise<string[]> {
  const ids: string[] = [];
  for (const p of people) ids.push((await o.call('contacts.create', p)).id);
  return ids;
}

export const audits = (o: TestOffice, action: string) =>
  o.handle.sqlite.prepare('SELECT entity_id, details FROM audit_log WHERE action = ?').all(action) as {
    entity_id: string | null;
    details: string | null;
  }[];

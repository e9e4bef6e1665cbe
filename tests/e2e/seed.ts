import type { RegisterAppealInput } from '../../shared/api/appeals';
import type { App } from './fixtures';

/** A few believable appeals of one winter, for screenshots and for the registry's own tests. */
const APPEALS: ReadonlyArray<
  Omit<RegisterAppealInput, 'applicant'> & { who: string; phone?: string; address?: string }
> = [
  {
    registeredOn: '2026-02-02',
    channel: 'post',
    kind: 'complaint',
    who: 'Кузнецов Андрей Викторович',
    phone: '8 (916) 204-11-35',
    address: 'г. Москва, ул. Лесная, д. 7, кв. 3',
    summary: 'Не вывозится мусор во дворе дома',
    topics: ['0005.0005'],
  },
  {
    registeredOn: '2026-02-05',
    channel: 'email',
    kind: 'application',
    who: 'Орлова Марина Игоревна',
    phone: '+7 903 555-20-10',
    address: 'г. Москва, Рязанский пр-т, д. 12, кв. 40',
    summary: 'Просьба установить пандус у подъезда',
    topics: ['0002.0007'],
  },
  {
    registeredOn: '2026-02-09',
    channel: 'reception',
    kind: 'application',
    who: 'Белов Сергей Петрович',
    phone: '8-926-700-44-21',
    address: 'г. Москва, ул. Юности, д. 3, кв. 118',
    summary: 'Перерасчёт платы за отопление',
    topics: ['0005.0005.0056.1149'],
  },
  {
    registeredOn: '2026-02-13',
    channel: 'post',
    kind: 'complaint',
    who: 'Петрова Анна Сергеевна',
    phone: '8 (999) 123-45-67',
    address: 'г. Москва, ул. Лесная, д. 7, кв. 12',
    summary: 'Протекает крыша в подъезде',
    topics: ['0005.0005'],
  },
  {
    registeredOn: '2026-02-16',
    channel: 'web',
    kind: 'proposal',
    who: 'Смирнов Илья Олегович',
    phone: '+79161112233',
    address: 'г. Москва, ул. Молодёжная, д. 4, кв. 7',
    summary: 'Предложение открыть секцию для детей в школе № 12',
    topics: ['0002.0004'],
  },
  {
    registeredOn: '2026-02-20',
    channel: 'phone',
    kind: 'application',
    who: 'Волкова Елена Дмитриевна',
    phone: '8 495 640-12-12',
    address: 'г. Москва, ул. Садовая, д. 21, кв. 5',
    summary: 'Нет горячей воды вторую неделю',
    topics: ['0005.0005'],
  },
  {
    registeredOn: '2026-02-26',
    channel: 'forwarded',
    kind: 'complaint',
    who: 'Никитин Павел Андреевич',
    phone: '8 (917) 301-02-03',
    address: 'г. Москва, Кутузовский пр-т, д. 30, кв. 88',
    summary: 'Жалоба на отказ в выплате пособия',
    topics: ['0002.0007'],
    forwardedFrom: { body: 'Администрация района', outgoingNumber: '01-15/233', date: '2026-02-24' },
  },
  {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'application',
    who: 'Фёдорова Галина Ивановна',
    address: 'г. Москва, ул. Школьная, д. 9, кв. 2',
    summary: 'Ремонт дороги к поликлинике',
    topics: ['0003.0009'],
  },
  {
    registeredOn: '2026-03-04',
    channel: 'hand',
    kind: 'application',
    who: 'Морозов Дмитрий Юрьевич',
    phone: '+7 (925) 880-90-10',
    address: 'г. Москва, ул. Новая, д. 1, кв. 64',
    summary: 'Установка светофора у школы',
    topics: ['0004.0016'],
  },
  {
    registeredOn: '2026-03-10',
    channel: 'email',
    kind: 'other',
    who: 'Лебедева Ольга Николаевна',
    phone: '8 916 111-22-44',
    summary: 'Благодарность за помощь с ремонтом детской площадки',
  },
  {
    registeredOn: '2026-03-12',
    channel: 'reception',
    kind: 'complaint',
    who: 'Захаров Виктор Степанович',
    phone: '8 (903) 777-66-55',
    address: 'г. Москва, ул. Полевая, д. 16, кв. 9',
    summary: 'Шум от круглосуточного кафе на первом этаже',
    topics: ['0004.0016'],
  },
  {
    registeredOn: '2026-03-16',
    channel: 'web',
    kind: 'application',
    who: 'Соколова Ирина Александровна',
    phone: '+79037654321',
    address: 'г. Москва, ул. Парковая, д. 2, кв. 31',
    summary: 'Запись в детский сад по месту жительства',
    topics: ['0002.0004'],
  },
  {
    registeredOn: '2026-03-18',
    channel: 'post',
    kind: 'proposal',
    who: 'Ковалёв Николай Ильич',
    address: 'г. Москва, Ленинский пр-т, д. 70, кв. 15',
    summary: 'Предложение по благоустройству сквера',
    topics: ['0005.0005'],
  },
];

/** Registers the appeals above through the API, each with its own applicant and a responsible person. */
export async function seedAppeals(app: App, responsibleIds: readonly string[] = []): Promise<number> {
  let i = 0;
  for (const a of APPEALS) {
    const { who, phone, address, ...rest } = a;
    const [lastName, firstName, middleName] = who.split(' ');
    const responsibleId = responsibleIds.length ? responsibleIds[i % responsibleIds.length] : undefined;
    await app.call('appeals.register', {
      ...rest,
      receivedOn: rest.registeredOn,
      text: `${rest.summary}. Прошу принять меры.`,
      responsibleId,
      applicant: { lastName, firstName, middleName, phone, address, forceNew: true },
    });
    i++;
  }
  return APPEALS.length;
}

/** An applicant already in the contacts, with one appeal: Кузнецов Андрей Викторович, found by his phone. */
export async function seedReturningApplicant(app: App): Promise<void> {
  await app.call('appeals.register', {
    registeredOn: '2026-02-02',
    channel: 'post',
    kind: 'complaint',
    summary: 'Не вывозится мусор',
    applicant: {
      lastName: 'Кузнецов',
      firstName: 'Андрей',
      middleName: 'Викторович',
      phone: '8 (916) 204-11-35',
      address: 'г. Москва, ул. Лесная, д. 7, кв. 3',
    },
  });
}

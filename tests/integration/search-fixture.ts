import type { Input } from '../../shared/api/index';
import type { TestOffice } from './office-fixture';

/** What an appeal of the fixture is about, so a test knows which appeals a word should find. */
export type Theme = 'roof' | 'heating' | 'rubbish' | 'road';

export interface FixtureAppeal {
  theme: Theme;
  summary: string;
  text: string;
  applicant: { lastName: string; firstName: string; middleName?: string };
}

/**
 * Appeals as people write them: word forms in every case, ё and е both, capitals, the applicant's surname
 * also named in the text of another appeal in another case.
 */
export const APPEALS: readonly FixtureAppeal[] = [
  {
    theme: 'roof',
    summary: 'Протекает крыша над квартирой',
    text: 'После дождей с крыши течёт вода в квартиру на пятом этаже. Управляющая компания ремонт кровли не проводит.',
    applicant: { lastName: 'Кузнецова', firstName: 'Мария', middleName: 'Петровна' },
  },
  {
    theme: 'roof',
    summary: 'Ремонт кровли многоквартирного дома',
    text: 'Кровля дома по ул. Советской, 12 в аварийном состоянии, на крыше растут деревья.',
    applicant: { lastName: 'Иванов', firstName: 'Сергей', middleName: 'Николаевич' },
  },
  {
    theme: 'roof',
    summary: 'СОСУЛЬКИ НА КРЫШЕ ШКОЛЫ',
    text: 'Прошу обязать управляющую компанию очистить крышу от снега и наледи.',
    applicant: { lastName: 'Семёнова', firstName: 'Ольга' },
  },
  {
    theme: 'heating',
    summary: 'Нет отопления в квартире',
    text: 'С начала отопительного сезона батареи холодные, температура в квартире 14 градусов. Прошу помочь.',
    applicant: { lastName: 'Иванова', firstName: 'Анна', middleName: 'Сергеевна' },
  },
  {
    theme: 'heating',
    summary: 'Перерасчёт платы за отопление',
    text: 'Отоплением дом обеспечен плохо, а счета за тепло приходят полные. Соседка Кузнецова М. П. подтвердит.',
    applicant: { lastName: 'Ёлкин', firstName: 'Пётр' },
  },
  {
    theme: 'rubbish',
    summary: 'Не вывозят мусор со двора',
    text: 'Контейнерная площадка переполнена, мусором завалены подходы к подъезду уже две недели.',
    applicant: { lastName: 'Соловьёв', firstName: 'Игорь' },
  },
  {
    theme: 'rubbish',
    summary: 'Свалка мусора у гаражей',
    text: 'Жители гаражного кооператива складывают мусорные мешки прямо у въезда. Прошу принять меры к Сидорову.',
    applicant: { lastName: 'Достоевская', firstName: 'Елена' },
  },
  {
    theme: 'road',
    summary: 'Ямы на дороге к поликлинике',
    text: 'На дороге по улице Ленина ямы глубиной до 20 см, машины объезжают их по тротуару.',
    applicant: { lastName: 'Кузнецов', firstName: 'Алексей' },
  },
  {
    theme: 'road',
    summary: 'Ремонт дорог в частном секторе',
    text: 'Дороги в посёлке не ремонтировались десять лет, весной проехать нельзя.',
    applicant: { lastName: 'Иванченко', firstName: 'Тарас' },
  },
];

/** Registers the fixture's appeals in order; each applicant becomes a contact of their own. */
export async function registerFixture(o: TestOffice): Promise<string[]> {
  const ids: string[] = [];
  for (const a of APPEALS) {
    const input: Input<'appeals.register'> = {
      channel: 'post',
      kind: 'complaint',
      summary: a.summary,
      text: a.text,
      topics: ['0005.0005.0056.1149'],
      applicant: { ...a.applicant, forceNew: true },
    };
    ids.push((await o.call('appeals.register', input)).id);
  }
  return ids;
}

/**
 * A seeded, deterministic source of realistic Russian applicants for the demo office and the benchmark:
 * names with correct feminine forms and patronymics, addresses in a few real cities, phones written the many
 * ways people write them, e-mails. The same seed always gives the same people, on every machine.
 */

/** mulberry32: tiny, fast, and good enough for test data; never for anything secret. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream of its own for item `i`, so an item's data does not depend on what was drawn before it. */
  static for(seed: number, i: number): Rng {
    return new Rng(mix32(mix32(seed) ^ Math.imul(i + 1, 0x9e3779b1)));
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Early items are likelier, as common surnames are: rank 1 is about 40 times rank 100. */
  pickSkewed<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * Math.pow(this.next(), 1.3))]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

/** murmur3's finaliser: spreads nearby seeds over the whole 32-bit range. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const words = (s: string): readonly string[] => s.split(' ');

/** Masculine forms, most common first (the order drives `pickSkewed`). */
export const SURNAMES = words(
  'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков ' +
    'Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров ' +
    'Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров ' +
    'Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев ' +
    'Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров ' +
    'Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков ' +
    'Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров ' +
    'Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв ' +
    'Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков ' +
    'Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев ' +
    'Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов ' +
    'Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Гордеев ' +
    'Третьяков Мухин Ахметов Гарипов Сафин Хабибуллин Валиев Алиев Мамедов Островский Покровский ' +
    'Вишневский Ковальский Высоцкий Заречный Белый Толстой Донской Шевченко Коваленко Бондаренко ' +
    'Ткаченко Черных Седых Долгих Мельник Бондарь Гусак',
);

export const MALE_NAMES = words(
  'Александр Сергей Андрей Дмитрий Алексей Владимир Максим Михаил Иван Евгений Николай Игорь Артём ' +
    'Павел Роман Денис Олег Виктор Юрий Никита Кирилл Илья Константин Вадим Антон Василий Анатолий Пётр ' +
    'Валерий Геннадий Григорий Борис Леонид Станислав Вячеслав Егор Матвей Тимофей Фёдор Глеб Ярослав ' +
    'Даниил Георгий Степан Лев Руслан Ринат Марат Ильдар',
);

export const FEMALE_NAMES = words(
  'Елена Ольга Наталья Татьяна Ирина Светлана Анна Екатерина Марина Юлия Галина Людмила Анастасия ' +
    'Мария Валентина Надежда Любовь Нина Дарья Оксана Лариса Вера Тамара Алёна Виктория Кристина Полина ' +
    'Софья Елизавета Зинаида Маргарита Жанна Валерия Гульнара Альфия',
);

export type Gender = 'm' | 'f';

/** The feminine form of a surname: Иванов → Иванова, Островский → Островская; Шевченко, Черных stay. */
export function feminineSurname(masculine: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(masculine)) return masculine + 'а';
  if (/[кгх]ий$/.test(masculine)) return masculine.slice(0, -2) + 'ая';
  if (/ий$/.test(masculine)) return masculine.slice(0, -2) + 'яя';
  if (/(ой|ый)$/.test(masculine)) return masculine.slice(0, -2) + 'ая';
  return masculine;
}

/** The surname after «депутата …»: Иванова, Островского, Ивановой, Островской; Шевченко stays. */
export function genitiveSurname(masculine: string, gender: Gender): string {
  if (gender === 'f') {
    const f = feminineSurname(masculine);
    if (f === masculine) return f;
    if (f.endsWith('яя')) return f.slice(0, -2) + 'ей';
    return f.endsWith('ая') ? f.slice(0, -2) + 'ой' : f.slice(0, -1) + 'ой';
  }
  if (/(ов|ев|ёв|ин|ын)$/.test(masculine)) return masculine + 'а';
  if (/([кгх]ий|ой|ый)$/.test(masculine)) return masculine.slice(0, -2) + 'ого';
  if (/ий$/.test(masculine)) return masculine.slice(0, -2) + 'его';
  if (/ь$/.test(masculine)) return masculine.slice(0, -1) + 'я';
  if (/(о|их|ых|[аеиуэюя])$/.test(masculine)) return masculine;
  return masculine + 'а';
}

const PATRONYMIC_EXCEPTIONS: Record<string, readonly [string, string]> = {
  Илья: ['Ильич', 'Ильинична'],
  Никита: ['Никитич', 'Никитична'],
  Лев: ['Львович', 'Львовна'],
  Павел: ['Павлович', 'Павловна'],
  Пётр: ['Петрович', 'Петровна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Георгий: ['Георгиевич', 'Георгиевна'],
};

/** The patronymic from the father's first name: Сергей → Сергеевич / Сергеевна, Юрий → Юрьевич. */
export function patronymic(fatherName: string, gender: Gender): string {
  const exception = PATRONYMIC_EXCEPTIONS[fatherName];
  if (exception) return exception[gender === 'm' ? 0 : 1];
  let stem: string;
  if (/[ае]й$/.test(fatherName)) stem = fatherName.slice(0, -1) + 'ев';
  else if (/ий$/.test(fatherName)) stem = fatherName.slice(0, -2) + 'ьев';
  else if (/ь$/.test(fatherName)) stem = fatherName.slice(0, -1) + 'ев';
  else stem = fatherName + 'ов';
  return stem + (gender === 'm' ? 'ич' : 'на');
}

export interface City {
  name: string;
  region: string;
  timeZone: string;
  /** Landline area codes. */
  codes: readonly string[];
  streets: readonly string[];
}

export const CITIES: readonly City[] = [
  {
    name: 'Москва',
    region: 'г. Москва',
    timeZone: 'Europe/Moscow',
    codes: ['495', '499'],
    streets: words(
      'ул._Тверская ул._Профсоюзная Ленинский_пр-т Каширское_ш. ул._Маросейка Кутузовский_пр-т ' +
        'ул._Большая_Якиманка ул._Мясницкая ул._Бутлерова ул._Вавилова ул._Миклухо-Маклая Варшавское_ш.',
    ),
  },
  {
    name: 'Санкт-Петербург',
    region: 'г. Санкт-Петербург',
    timeZone: 'Europe/Moscow',
    codes: ['812'],
    streets: words(
      'Невский_пр-т ул._Садовая Литейный_пр-т ул._Марата Московский_пр-т ул._Гороховая ул._Восстания ' +
        'наб._реки_Фонтанки пр-т_Просвещения ул._Савушкина',
    ),
  },
  {
    name: 'Казань',
    region: 'Республика Татарстан',
    timeZone: 'Europe/Moscow',
    codes: ['843'],
    streets: words(
      'ул._Баумана ул._Пушкина ул._Кремлёвская пр-т_Победы ул._Декабристов ул._Чистопольская ' +
        'ул._Габдуллы_Тукая пр-т_Ямашева ул._Айдарова ул._Адоратского',
    ),
  },
  {
    name: 'Новосибирск',
    region: 'Новосибирская область',
    timeZone: 'Asia/Novosibirsk',
    codes: ['383'],
    streets: words(
      'Красный_пр-т ул._Ленина ул._Кирова ул._Фрунзе ул._Гоголя ул._Титова ул._Каменская ул._Челюскинцев',
    ),
  },
  {
    name: 'Екатеринбург',
    region: 'Свердловская область',
    timeZone: 'Asia/Yekaterinburg',
    codes: ['343'],
    streets: words(
      'ул._Малышева пр-т_Ленина ул._Вайнера ул._8_Марта ул._Белинского ул._Куйбышева ул._Родонитовая ' +
        'ул._Радищева',
    ),
  },
  {
    name: 'Нижний Новгород',
    region: 'Нижегородская область',
    timeZone: 'Europe/Moscow',
    codes: ['831'],
    streets: words(
      'ул._Большая_Покровская ул._Рождественская пр-т_Гагарина ул._Родионова Московское_ш. ' +
        'ул._Ванеева ул._Горького ул._Максима_Горького',
    ),
  },
  {
    name: 'Самара',
    region: 'Самарская область',
    timeZone: 'Europe/Samara',
    codes: ['846'],
    streets: words(
      'ул._Ленинградская Московское_ш. ул._Куйбышева ул._Ново-Садовая ул._Гагарина пр-т_Кирова ' +
        'ул._Молодогвардейская',
    ),
  },
  {
    name: 'Воронеж',
    region: 'Воронежская область',
    timeZone: 'Europe/Moscow',
    codes: ['473'],
    streets: words(
      'пр-т_Революции ул._Плехановская ул._Кольцовская Московский_пр-т ул._20-летия_Октября ' +
        'Ленинский_пр-т ул._Лизюкова',
    ),
  },
].map((c) => ({ ...c, streets: c.streets.map((s) => s.replace(/_/g, ' ')) }));

const MOBILE_PREFIXES = words(
  '900 901 902 903 904 905 906 908 909 910 911 912 913 914 915 916 917 918 919 920 921 922 923 924 925 ' +
    '926 927 928 929 930 931 937 950 951 952 953 960 961 962 963 964 965 967 977 978 980 981 982 983 985 ' +
    '987 988 989 991 992 993 995 996 999',
);

/** The ten national digits (area or mobile code + number), without the country code. */
export function phoneDigits(rng: Rng, city: City): string {
  const code = rng.chance(0.8) ? rng.pick(MOBILE_PREFIXES) : rng.pick(city.codes);
  return code + String(rng.int(0, 9_999_999)).padStart(7, '0');
}

/** How people write one number: «8 (916) 123-45-67», «+7 916 123 45 67», «89161234567», … */
export const PHONE_STYLES = 8;

export function writePhone(digits: string, style: number): string {
  const [a, b, c, d] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 8), digits.slice(8)];
  switch (((style % PHONE_STYLES) + PHONE_STYLES) % PHONE_STYLES) {
    case 0:
      return `+7 ${a} ${b}-${c}-${d}`;
    case 1:
      return `8 (${a}) ${b}-${c}-${d}`;
    case 2:
      return `8${digits}`;
    case 3:
      return `+7${digits}`;
    case 4:
      return `8-${a}-${b}-${c}-${d}`;
    case 5:
      return `+7 (${a}) ${b} ${c} ${d}`;
    case 6:
      return `7 ${a} ${b}${c}${d}`;
    default:
      return `8 ${a} ${b} ${c} ${d}`;
  }
}

const LATIN: Record<string, string> = Object.fromEntries(
  'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya'
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);

export function transliterate(s: string): string {
  return [...s.toLowerCase()].map((ch) => LATIN[ch] ?? ch).join('');
}

const MAIL_DOMAINS = words('mail.ru yandex.ru gmail.com bk.ru list.ru inbox.ru rambler.ru ya.ru');

const SOCIAL_CATEGORIES = [
  'пенсионер',
  'инвалид II группы',
  'ветеран труда',
  'ветеран боевых действий',
  'многодетная семья',
  'участник СВО',
  'студент',
  'одинокий родитель',
] as const;

export interface Person {
  gender: Gender;
  /** The masculine form, from which the others are made. */
  surname: string;
  lastName: string;
  firstName: string;
  middleName: string;
  city: City;
  street: string;
  house: string;
  flat: number | null;
  address: string;
  /** National digits of each phone; `phones` holds them as this person wrote them. */
  phoneDigits: string[];
  phones: string[];
  email: string | null;
  socialCategory: string | null;
}

export function fullNameOf(p: Pick<Person, 'lastName' | 'firstName' | 'middleName'>): string {
  return `${p.lastName} ${p.firstName} ${p.middleName}`;
}

/** «Иванов И.И.» */
export function initialsOf(p: Pick<Person, 'lastName' | 'firstName' | 'middleName'>): string {
  return `${p.lastName} ${p.firstName[0]}.${p.middleName[0]}.`;
}

export function house(rng: Rng): string {
  const n = String(rng.int(1, 160));
  if (rng.chance(0.1)) return `${n}${rng.pick(['а', 'б', 'в'])}`;
  if (rng.chance(0.1)) return `${n}, корп. ${rng.int(1, 4)}`;
  return n;
}

function writeAddress(rng: Rng, city: City, street: string, h: string, flat: number | null): string {
  const tail = flat === null ? '' : `, кв. ${flat}`;
  if (rng.chance(0.8)) return `г. ${city.name}, ${street}, д. ${h}${tail}`;
  // People also write it short, and the desk types what the letter says.
  return `${city.name}, ${street} ${h.replace(', корп. ', ' к')}${flat === null ? '' : '-' + flat}`;
}

export interface PersonOptions {
  city?: City;
  gender?: Gender;
  /** Probability of an e-mail (web and e-mail channels make it higher). */
  emailChance?: number;
}

export function makePerson(rng: Rng, opts: PersonOptions = {}): Person {
  const gender: Gender = opts.gender ?? (rng.chance(0.56) ? 'f' : 'm');
  const surname = rng.pickSkewed(SURNAMES);
  const lastName = gender === 'm' ? surname : feminineSurname(surname);
  const firstName = rng.pickSkewed(gender === 'm' ? MALE_NAMES : FEMALE_NAMES);
  const middleName = patronymic(rng.pickSkewed(MALE_NAMES), gender);
  const city = opts.city ?? rng.pick(CITIES);
  const street = rng.pick(city.streets);
  const h = house(rng);
  const flat = rng.chance(0.85) ? rng.int(1, 320) : null;
  const address = writeAddress(rng, city, street, h, flat);
  const phoneCount = rng.weighted([
    [1, 85],
    [2, 10],
    [0, 5],
  ] as const);
  const digits: string[] = [];
  for (let i = 0; i < phoneCount; i++) digits.push(phoneDigits(rng, city));
  const phones = digits.map((d) => writePhone(d, rng.int(0, PHONE_STYLES - 1)));
  let email: string | null = null;
  if (rng.chance(opts.emailChance ?? 0.45)) {
    const last = transliterate(lastName);
    const first = transliterate(firstName);
    const local = rng.pick([
      `${last}.${first}`,
      `${last}${rng.int(50, 99)}`,
      `${first[0]}.${last}`,
      `${first}${last[0]}${rng.int(1, 2024)}`,
    ]);
    email = `${local}@${rng.pick(MAIL_DOMAINS)}`;
  }
  const socialCategory = rng.chance(0.25) ? rng.pick(SOCIAL_CATEGORIES) : null;
  return {
    gender,
    surname,
    lastName,
    firstName,
    middleName,
    city,
    street,
    house: h,
    flat,
    address,
    phoneDigits: digits,
    phones,
    email,
    socialCategory,
  };
}

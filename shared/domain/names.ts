/**
 * The applicant's name in the dative (кому: «Иванову Ивану Петровичу») and the salutation
 * («Уважаемый Иван Петрович!») for letters. The rules cover the regular Russian declension of
 * surnames in -ов/-ев/-ин/-ын/-ский/-цкий, first names and patronymics; a name the rules do not
 * know (foreign, indeclinable) is left as written, which is the correct form for most of them.
 */
export type Gender = 'm' | 'f' | null;

export interface PersonName {
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
}

export function genderOf(n: PersonName): Gender {
  const mid = n.middleName?.toLowerCase() ?? '';
  if (/(ич|оглы)$/.test(mid)) return 'm';
  if (/(на|кызы)$/.test(mid)) return 'f';
  const last = n.lastName?.toLowerCase() ?? '';
  if (/(ова|ева|ёва|ина|ына|ская|цкая)$/.test(last)) return 'f';
  if (/(ов|ев|ёв|ин|ын|ский|цкий)$/.test(last)) return 'm';
  const first = n.firstName?.toLowerCase() ?? '';
  if (/[ая]$/.test(first) && !/^(никита|илья|фома|кузьма|лука|савва)$/.test(first)) return 'f';
  if (first) return 'm';
  return null;
}

const keepCase = (word: string, stem: number, ending: string): string => word.slice(0, stem) + ending;

function lastNameDative(w: string, g: Gender): string {
  const l = w.toLowerCase();
  // Whether «Ким» is a man or a woman decides between «Киму» and «Ким»: unknown, it stays as written.
  if (g === null) return w;
  if (g === 'f') {
    if (/(ова|ева|ёва|ина|ына)$/.test(l)) return keepCase(w, w.length - 1, 'ой');
    if (/(ская|цкая)$/.test(l)) return keepCase(w, w.length - 2, 'ой');
    return w; // Other women's surnames (Шевчук, Дурново) are not declined.
  }
  if (/(ов|ев|ёв|ин|ын)$/.test(l)) return w + 'у';
  if (/(ский|цкий)$/.test(l)) return keepCase(w, w.length - 2, 'ому');
  if (/(ой|ый)$/.test(l)) return keepCase(w, w.length - 2, 'ому');
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(l) && !/(их|ых)$/.test(l)) return w + 'у';
  if (/ь$/.test(l)) return keepCase(w, w.length - 1, 'ю');
  if (/й$/.test(l)) return keepCase(w, w.length - 1, 'ю');
  return w;
}

function firstNameDative(w: string, g: Gender): string {
  const l = w.toLowerCase();
  if (/ия$/.test(l)) return keepCase(w, w.length - 1, 'и');
  if (/[ая]$/.test(l)) return keepCase(w, w.length - 1, 'е');
  if (g === 'f') return /ь$/.test(l) ? keepCase(w, w.length - 1, 'и') : w;
  if (/[йь]$/.test(l)) return keepCase(w, w.length - 1, 'ю');
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(l)) return w + 'у';
  return w;
}

function middleNameDative(w: string): string {
  const l = w.toLowerCase();
  if (/ич$/.test(l)) return w + 'у';
  if (/на$/.test(l)) return keepCase(w, w.length - 1, 'е');
  return w;
}

/** «Иванову Ивану Петровичу»; parts that are missing are left out. */
export function dativeName(n: PersonName): string {
  const g = genderOf(n);
  return [
    n.lastName && lastNameDative(n.lastName, g),
    n.firstName && firstNameDative(n.firstName, g),
    n.middleName && middleNameDative(n.middleName),
  ]
    .filter(Boolean)
    .join(' ');
}

/** «Уважаемый Иван Петрович!», or «Уважаемый(ая) …» when the gender cannot be told. */
export function salutation(n: PersonName): string {
  const g = genderOf(n);
  const word = g === 'f' ? 'Уважаемая' : g === 'm' ? 'Уважаемый' : 'Уважаемый(ая)';
  const name = [n.firstName, n.middleName].filter(Boolean).join(' ') || n.lastName || 'заявитель';
  return `${word} ${name}!`;
}

/** «Иванов И. П.» — the short form under a signature or in a table. */
export function initials(fullName: string): string {
  const [last, ...rest] = fullName.trim().split(/\s+/);
  if (!last) return '';
  // «Пётр Петрович», «П.П.» and «П. П.» all become «П. П.».
  const tail = rest
    .join(' ')
    .split(/[\s.]+/)
    .filter(Boolean)
    .map((p) => `${p[0]!.toUpperCase()}.`)
    .join(' ');
  return tail ? `${last} ${tail}` : last;
}

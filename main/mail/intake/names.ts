/**
 * A sender's display name as a Russian applicant's surname, name and patronymic. Mail programs write
 * «Фамилия Имя Отчество», «Имя Отчество Фамилия» or «Имя Фамилия»; the patronymic's ending and the
 * surname's usual endings tell the order. What cannot be told is left as written, surname first.
 */
export interface NameParts {
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
}

const PATRONYMIC = /(ич|вна|ична|оглы|кызы)$/i;
const SURNAME = /(ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|ко|ук|юк|их|ых|ан|ян)$/i;

export function splitName(display: string | null): NameParts {
  const words = (display ?? '')
    .replace(/["'«»]/g, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{L}[\p{L}-]*\.?$/u.test(w));
  const none: NameParts = { lastName: null, firstName: null, middleName: null };
  if (words.length === 0) return none;
  if (words.length === 1) return { ...none, lastName: words[0]! };
  if (words.length >= 3) {
    const [a, b, c] = words as [string, string, string];
    if (PATRONYMIC.test(b) && !PATRONYMIC.test(c)) return { firstName: a, middleName: b, lastName: c };
    return { lastName: a, firstName: b, middleName: c };
  }
  const [a, b] = words as [string, string];
  if (SURNAME.test(b) && !SURNAME.test(a)) return { firstName: a, lastName: b, middleName: null };
  return { lastName: a, firstName: b, middleName: null };
}

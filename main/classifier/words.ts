/**
 * Words as the classifier's search compares them: lower case, ё = е, and Russian words cut to their
 * Snowball stem, so «отопления» and «Отопление» are one word (`отоплен`). The stemmer is the maintained
 * Snowball port (`snowball-stemmers`), not rules of our own.
 */
import { stemWord } from '../../shared/domain/stems';

/** Words that say nothing about a question: a query of them alone would match half the classifier. */
const STOP = new Set(
  'в во и или с со на по за от до о об обо к ко для не ни из при под над а но же как что это их том числе т ч др иные иных'.split(
    ' ',
  ),
);

/** The folded words of a text, in order: letters and digits, ё read as е. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length > 0 && !STOP.has(w));
}

/** The stems of a text's words. */
export function stemsOf(text: string): string[] {
  return words(text).map(stemWord);
}

/**
 * What people call a thing that the classifier names otherwise (стем → стемы the classifier uses): «мусор»
 * finds «Обращение с твердыми коммунальными отходами». A match through these ranks below a match of the
 * word itself.
 */
export const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['мусор', ['отход']],
  ['тко', ['отход']],
  ['свет', ['электроснабжен', 'электроэнерг']],
  ['электричеств', ['электроснабжен', 'электроэнерг']],
  ['газ', ['газоснабжен']],
  ['вод', ['водоснабжен', 'водоотведен']],
  ['тепл', ['теплоснабжен', 'отоплен']],
  ['батар', ['теплоснабжен', 'отоплен']],
  ['отоплен', ['теплоснабжен']],
  ['канализац', ['водоотведен']],
  ['ям', ['дорог']],
  ['жкх', ['жилищн', 'коммунальн']],
  ['пенс', ['пенсион']],
  ['садик', ['дошкольн']],
  ['больниц', ['медицинск', 'здравоохранен']],
  ['врач', ['медицинск', 'здравоохранен']],
  ['квартир', ['жил']],
]);

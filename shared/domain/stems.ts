/**
 * Russian word forms, read as one word: «крыши», «КРЫША» and «крыше» share the stem `крыш`, «Кузнецовой» and
 * «Кузнецова» share `кузнецов`. The stemmer is the maintained Snowball port (`snowball-stemmers`), not rules of
 * our own; the classifier's picker and the search of appeals and contacts all cut words here.
 *
 * Snowball's Russian algorithm only ever removes endings (and one «н» of a final «нн», a final «ь»), so a
 * word's stem is always the start of the word itself: a search for `stem*` over an index of the words as
 * written finds every form that shares the stem, without a second copy of the text in the index.
 */
import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');

const stems = new Map<string, string>();

/**
 * One lower-case word's stem, ё read as е (cached: names and common words repeat). A word that is not all
 * Cyrillic letters (a number, a Latin word, a house «12а») is its own stem.
 */
export function stemWord(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^[а-я]+$/.test(word) ? russian.stem(word) : word;
    if (stems.size > 100_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** A text's words as the stemmer reads them: lower case, ё as е, letters and digits only. */
export function plainWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The start every form of a typed word shares, for prefix search: its stem («мусора» → `мусор`), or the word
 * itself when the stemmer would leave a single letter.
 */
export function searchStem(word: string): string {
  const stem = stemWord(word);
  return stem.length >= 2 && word.startsWith(stem) ? stem : word;
}

/** Endings the stemmer cuts off a man's surname in its own form: Иванов, Соловьёв, Ильин, Голицын. */
const SURNAME_SUFFIX = /^(ов|ев|ьев|ин|ын)$/;

/**
 * The start every form of a surname shares. The stemmer reads «Иванов» as a plural ending (`иван`, which
 * would find every Иван), while «Иванова», «Ивановой», «Иванову» all give `иванов`: a man's surname keeps
 * its suffix, so each case form finds the others and no more.
 */
export function surnameStem(word: string): string {
  const stem = searchStem(word);
  return SURNAME_SUFFIX.test(word.slice(stem.length)) ? word : stem;
}

import { describe, expect, it } from 'vitest';
import { APPEALS } from '../integration/search-fixture';
import { plainWords, searchStem, stemWord, surnameStem } from '../../shared/domain/stems';

describe('search stems', () => {
  it('are the start of the word itself, for every word of real appeal texts', () => {
    const words = APPEALS.flatMap((a) => plainWords(`${a.summary} ${a.text} ${a.applicant.lastName}`));
    expect(words.length).toBeGreaterThan(150);
    for (const w of words) {
      expect(w.startsWith(stemWord(w)), w).toBe(true);
      expect(w.startsWith(searchStem(w)), w).toBe(true);
    }
  });

  it('read the forms of a word as one, ё as е and capitals as small letters', () => {
    const one = (forms: string) => new Set(plainWords(forms).map(searchStem));
    expect(one('крыша КРЫШИ крыше крышу Крышей')).toEqual(new Set(['крыш']));
    expect(one('мусор мусора мусором')).toEqual(new Set(['мусор']));
    expect(one('счёт счета Счёта')).toEqual(new Set(['счет']));
  });

  it('give every case of a surname the same start, and a man’s surname keeps its suffix', () => {
    const one = (forms: string) => new Set(plainWords(forms).map(surnameStem));
    expect(one('Кузнецов Кузнецова Кузнецовой Кузнецову Кузнецовым')).toEqual(new Set(['кузнецов']));
    expect(one('Иванов Иванова Ивановой Иванову Ивановым')).toEqual(new Set(['иванов']));
    expect(one('Соловьёв Соловьёва Соловьёвой')).toEqual(new Set(['соловьев']));
    expect(one('Ильин Ильина Ильиной Ильину')).toEqual(new Set(['ильин']));
    expect(one('Достоевская Достоевской Достоевскую Достоевский Достоевскому')).toEqual(
      new Set(['достоевск']),
    );
  });

  it('leave numbers, Latin words and house numbers as typed', () => {
    for (const w of ['12а', '2026', 'mail', 'ivanov']) expect(searchStem(w)).toBe(w);
  });
});

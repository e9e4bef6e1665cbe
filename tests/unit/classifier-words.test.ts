import { describe, expect, it } from 'vitest';
import shipped from '../../resources/classifier/classifier-2025.json' with { type: 'json' };
import { buildIndex, searchIndex } from '../../main/classifier/search-index';
import { stemsOf } from '../../main/classifier/words';
import { TOPICS } from '../../main/demo/topics';

const index = buildIndex(
  (shipped as { code: string; name: string; parent: string | null; level: number }[]).map((e, i) => ({
    ...e,
    ord: i + 1,
  })),
);
const questions = (e: { level: number }) => e.level >= 4;

function codes(q: string, uses = new Map<string, number>(), limit = 10): string[] {
  return searchIndex(index, q, questions, uses, limit).map((h) => index.entries[h.entry]!.code);
}

describe('classifier words', () => {
  it('reads word forms as one word and ё as е', () => {
    expect(stemsOf('отопления')).toEqual(stemsOf('Отопление'));
    expect(stemsOf('твёрдыми')).toEqual(stemsOf('твердые'));
    expect(stemsOf('Ёлка')).toEqual(stemsOf('елка'));
  });

  it('finds a question by another form of its words', () => {
    expect(codes('перебоев теплоснабжения')[0]).toBe('0005.0005.0056.1156');
    expect(codes('отходов')).toContain('0005.0005.0056.1160');
    expect(codes('твёрдых коммунальных отходов')[0]).toBe('0005.0005.0056.1160');
  });

  it('finds heating by «отопления» (the classifier says «теплоснабжение») and by a word being typed', () => {
    // the 2025 edition has no question named «Отопление»: people's word leads to the classifier's
    expect(codes('отопления')[0]).toBe('0005.0005.0056.1156');
    expect(codes('отоплением')[0]).toBe('0005.0005.0056.1156');
    expect(codes('перебои теплосн')[0]).toBe('0005.0005.0056.1156');
    expect(codes('ПЕРЕБОИ В ТЕПЛОСНАБЖЕНИИ')[0]).toBe('0005.0005.0056.1156');
  });

  it('«мусор» finds the municipal solid waste question', () => {
    const found = codes('мусор');
    expect(found).toContain('0005.0005.0056.1160');
    expect(found).toContain('0005.0005.0056.1161');
    // the word itself before a synonym
    expect(found.indexOf('0005.0005.0056.1161')).toBeLessThan(found.indexOf('0005.0005.0056.1160'));
  });

  it('matches words through the path: раздел → тематика → тема', () => {
    // «коммунальное хозяйство» is the topic's name; «свалка» is the question's own
    expect(codes('коммунальное хозяйство свалка')[0]).toBe('0005.0005.0056.1161');
  });

  it('finds by a code, its start, or a question number; offers subquestions', () => {
    expect(codes('0005.0005.0056.1160')[0]).toBe('0005.0005.0056.1160');
    expect(codes('0004.0015.0158.0965.0064')).toEqual(['0004.0015.0158.0965.0064']);
    expect(codes('1160')).toContain('0005.0005.0056.1160');
    expect(codes('0005.0005.0056').every((c) => c.startsWith('0005.0005.0056.'))).toBe(true);
  });

  it("ranks the office's most used first among equal matches, and offers them for an empty query", () => {
    const uses = new Map([
      ['0005.0005.0056.1160', 7],
      ['0005.0005.0056.1149', 3],
    ]);
    expect(codes('', uses)).toEqual(['0005.0005.0056.1160', '0005.0005.0056.1149']);
    const plain = codes('0005.0005.0056');
    const ranked = codes('0005.0005.0056', uses);
    expect(ranked.slice(0, 2)).toEqual(['0005.0005.0056.1160', '0005.0005.0056.1149']);
    expect(plain[0]).not.toBe('0005.0005.0056.1160');
  });

  it('finds nothing for stop words alone and for nonsense', () => {
    expect(codes('и в на')).toEqual([]);
    expect(codes('шмяк')).toEqual([]);
  });
});

describe('the demo office', () => {
  it('codes its appeals with questions of the shipped classifier', () => {
    for (const t of TOPICS) expect(index.entries[index.byCode.get(t.code) ?? -1]?.level, t.code).toBe(4);
  });
});

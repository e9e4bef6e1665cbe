import { describe, expect, it } from 'vitest';
import { RegNumberFormatSchema } from '../../shared/api/office';
import {
  clashSuffix,
  deskSeqKey,
  deskSeqRange,
  formatRegNumber,
  regNumberFormatProblem,
  splitDeskSeq,
} from '../../shared/domain/regnumber';

describe('registration number format', () => {
  it('numbers desk 1 as an office with one computer always has', () => {
    expect(formatRegNumber('КОД-ГГГГ-NNNNN', 'ПТР', 2026, 42)).toBe('ПТР-2026-00042');
    expect(formatRegNumber('КОД-ГГГГ-NNNNN', 'ПТР', 2026, 42, 1)).toBe('ПТР-2026-00042');
    expect(formatRegNumber('ГГ/КОД-NNN', 'ПТР', 2026, 7, 1)).toBe('26/ПТР-007');
  });

  it('puts another desk before the sequence when the format does not place it', () => {
    expect(formatRegNumber('КОД-ГГГГ-NNNNN', 'ПТР', 2026, 42, 2)).toBe('ПТР-2026-2-00042');
    expect(formatRegNumber('ГГ/КОД/NNNN', 'ПТР', 2026, 42, 12)).toBe('26/ПТР/12-0042');
  });

  it('puts the desk where АРМ stands, on every desk', () => {
    expect(formatRegNumber('КОД-ГГГГ-АРМ-NNNNN', 'ПТР', 2026, 42, 1)).toBe('ПТР-2026-1-00042');
    expect(formatRegNumber('АРМ/КОД/NNNN/ГГ', 'ПТР', 2026, 42, 3)).toBe('3/ПТР/0042/26');
  });

  it('does not rewrite an office code that contains a token', () => {
    expect(formatRegNumber('КОД-ГГГГ-NNNNN', 'NГГ1', 2026, 5, 2)).toBe('NГГ1-2026-2-00005');
  });

  it('refuses a format whose desk could run into its neighbours, and says why', () => {
    expect(regNumberFormatProblem('КОД-ГГГГ-NNNNN')).toBeNull();
    expect(regNumberFormatProblem('КОД-ГГГГ-АРМ-NNNNN')).toBeNull();
    expect(regNumberFormatProblem('КОД-ГГГГ-АРМNNNNN')).toBe('desk_not_apart');
    expect(regNumberFormatProblem('КОДАРМ-NNNNN')).toBe('desk_not_apart');
    expect(regNumberFormatProblem('АРМ-NNN-АРМ')).toBe('desk_twice');
    expect(regNumberFormatProblem('КОД-ГГГГ')).toBe('no_sequence');
    const refused = RegNumberFormatSchema.safeParse('КОД-ГГГГ-АРМNNNNN');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      'the desk token АРМ must be set apart by a dash, a slash or a dot',
    );
    expect(RegNumberFormatSchema.safeParse('КОД-ГГГГ-АРМ-NNNNN').success).toBe(true);
  });

  it('gives distinct numbers to distinct desks and sequences, for every accepted format tried', () => {
    const formats = ['КОД-ГГГГ-NNNNN', 'КОД-ГГГГ-АРМ-NNNNN', 'ГГ/КОД/NNN', 'NNNN', 'АРМ.NN'];
    const seqs = [
      ...Array.from({ length: 300 }, (_, i) => i + 1),
      ...[9_999, 10_000, 10_001, 99_999, 100_000, 100_001, 110_001, 1_100_001],
    ];
    for (const format of formats) {
      expect(regNumberFormatProblem(format)).toBeNull();
      const seen = new Map<string, string>();
      for (let desk = 1; desk <= 12; desk++)
        for (const seq of seqs) {
          const n = formatRegNumber(format, 'ПТР1', 2026, seq, desk);
          expect(seen.get(n), `${format}: ${n}`).toBeUndefined();
          seen.set(n, `${desk}/${seq}`);
        }
    }
    // The format refused above would collide: desk 1's 100001st and desk 11's first.
    expect(formatRegNumber('КОД-АРМNNNNN', 'ПТР', 2026, 100_001, 1)).toBe(
      formatRegNumber('КОД-АРМNNNNN', 'ПТР', 2026, 1, 11),
    );
  });
});

describe('desk sequence keys', () => {
  it('keeps desk 1’s keys as its numbers and every desk in a range of its own', () => {
    expect(deskSeqKey(1, 42)).toBe(42);
    expect(splitDeskSeq(deskSeqKey(3, 42))).toEqual({ desk: 3, n: 42 });
    expect(splitDeskSeq(42)).toEqual({ desk: 1, n: 42 });
    const [from, to] = deskSeqRange(2);
    expect(to).toBeLessThan(deskSeqRange(3)[0]);
    expect(from).toBeGreaterThan(deskSeqRange(1)[1]);
  });

  it('suffixes a number issued twice with the first free /k', () => {
    const taken = new Set(['ПТР-2026-00042/2']);
    expect(clashSuffix('ПТР-2026-00042', (c) => taken.has(c))).toBe('ПТР-2026-00042/3');
  });
});

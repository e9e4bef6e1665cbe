import { describe, expect, it } from 'vitest';
import {
  CITIES,
  feminineSurname,
  genitiveSurname,
  makePerson,
  patronymic,
  PHONE_STYLES,
  phoneDigits,
  Rng,
  writePhone,
} from '../../main/demo/people';
import { appealDraft } from '../../main/demo/topics';
import { TopicCodeSchema } from '../../shared/api/common';
import { normalizePhone } from '../../shared/domain/text';

describe('Rng', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const seq = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(new Rng(seed)),
      );
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
  });

  it('gives item streams that do not depend on what was drawn before', () => {
    const a = Rng.for(7, 1000).next();
    new Rng(7).next();
    expect(Rng.for(7, 1000).next()).toBe(a);
    expect(Rng.for(7, 1001).next()).not.toBe(a);
  });
});

describe('makePerson and appealDraft', () => {
  it('are deterministic: the same seed gives the same people and letters', () => {
    const make = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 50 }, () => {
        const p = makePerson(rng);
        return { p, draft: appealDraft(rng, p) };
      });
    };
    expect(make(2026)).toEqual(make(2026));
    expect(make(2026)).not.toEqual(make(2027));
  });

  it('makes women with feminine surnames and patronymics, men with masculine ones', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 500; i++) {
      const p = makePerson(rng);
      if (p.gender === 'f') {
        expect(p.middleName).toMatch(/(овна|евна|инична|ична)$/);
        expect(p.lastName).toBe(feminineSurname(p.surname));
      } else {
        expect(p.middleName).toMatch(/(ович|евич|ич)$/);
        expect(p.lastName).toBe(p.surname);
      }
    }
  });

  it('writes letters with classifier codes the contract accepts', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 200; i++) {
      const d = appealDraft(rng, makePerson(rng), { collective: i % 10 === 0 });
      for (const code of d.topics) expect(TopicCodeSchema.safeParse(code).success).toBe(true);
      expect(d.summary.length).toBeGreaterThan(10);
      expect(d.text).not.toMatch(/[{}]/);
    }
  });
});

describe('feminineSurname', () => {
  it.each([
    ['Иванов', 'Иванова'],
    ['Соловьёв', 'Соловьёва'],
    ['Ильин', 'Ильина'],
    ['Островский', 'Островская'],
    ['Высоцкий', 'Высоцкая'],
    ['Толстой', 'Толстая'],
    ['Белый', 'Белая'],
    ['Шевченко', 'Шевченко'],
    ['Черных', 'Черных'],
    ['Мельник', 'Мельник'],
    ['Бондарь', 'Бондарь'],
  ])('%s → %s', (m, f) => expect(feminineSurname(m)).toBe(f));
});

describe('genitiveSurname (Приёмная депутата …)', () => {
  it.each([
    ['Иванов', 'm', 'Иванова'],
    ['Иванов', 'f', 'Ивановой'],
    ['Островский', 'm', 'Островского'],
    ['Островский', 'f', 'Островской'],
    ['Толстой', 'm', 'Толстого'],
    ['Мельник', 'm', 'Мельника'],
    ['Мельник', 'f', 'Мельник'],
    ['Бондарь', 'm', 'Бондаря'],
    ['Шевченко', 'm', 'Шевченко'],
    ['Черных', 'f', 'Черных'],
  ] as const)('%s (%s) → %s', (s, g, out) => expect(genitiveSurname(s, g)).toBe(out));
});

describe('patronymic', () => {
  it.each([
    ['Иван', 'Иванович', 'Ивановна'],
    ['Сергей', 'Сергеевич', 'Сергеевна'],
    ['Николай', 'Николаевич', 'Николаевна'],
    ['Юрий', 'Юрьевич', 'Юрьевна'],
    ['Игорь', 'Игоревич', 'Игоревна'],
    ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
    ['Илья', 'Ильич', 'Ильинична'],
    ['Никита', 'Никитич', 'Никитична'],
    ['Пётр', 'Петрович', 'Петровна'],
    ['Михаил', 'Михайлович', 'Михайловна'],
    ['Лев', 'Львович', 'Львовна'],
  ])('%s → %s / %s', (name, m, f) => {
    expect(patronymic(name, 'm')).toBe(m);
    expect(patronymic(name, 'f')).toBe(f);
  });
});

describe('phones', () => {
  it('every written form normalises to the same E.164 number', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 200; i++) {
      const digits = phoneDigits(rng, rng.pick(CITIES));
      for (let style = 0; style < PHONE_STYLES; style++)
        expect(normalizePhone(writePhone(digits, style))).toBe(`+7${digits}`);
    }
  });

  it('writes the forms people use', () => {
    expect(writePhone('9161234567', 0)).toBe('+7 916 123-45-67');
    expect(writePhone('9161234567', 1)).toBe('8 (916) 123-45-67');
    expect(writePhone('8432123456', 2)).toBe('88432123456');
  });

  it('gives people phones in any of those forms', () => {
    const rng = new Rng(12);
    for (let i = 0; i < 200; i++) {
      const p = makePerson(rng);
      p.phones.forEach((raw, k) => expect(normalizePhone(raw)).toBe(`+7${p.phoneDigits[k]}`));
    }
  });
});

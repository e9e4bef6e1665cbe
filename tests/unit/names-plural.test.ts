import { describe, expect, it } from 'vitest';
import { dativeName, genderOf, initials, salutation } from '../../shared/domain/names';
import { APPEALS, countOf, DAYS, pluralForm } from '../../shared/domain/plural';
import { checkTemplate, fillTemplate } from '../../shared/domain/letter-templates';

describe('Russian plural forms', () => {
  it.each([
    [1, 'день'],
    [2, 'дня'],
    [4, 'дня'],
    [5, 'дней'],
    [11, 'дней'],
    [14, 'дней'],
    [21, 'день'],
    [22, 'дня'],
    [25, 'дней'],
    [101, 'день'],
    [111, 'дней'],
    [1.5, 'дня'],
  ])('%d → %s', (n, form) => expect(pluralForm(n, DAYS)).toBe(form));

  it('prints the number in the Russian way', () =>
    expect(countOf(12345, APPEALS)).toBe('12\u00a0345 обращений'));
});

describe('names in letters', () => {
  it.each([
    [
      { lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' },
      'Иванову Ивану Петровичу',
      'Уважаемый Иван Петрович!',
    ],
    [
      { lastName: 'Сидорова', firstName: 'Анна', middleName: 'Ильинична' },
      'Сидоровой Анне Ильиничне',
      'Уважаемая Анна Ильинична!',
    ],
    [
      { lastName: 'Достоевский', firstName: 'Фёдор', middleName: 'Михайлович' },
      'Достоевскому Фёдору Михайловичу',
      'Уважаемый Фёдор Михайлович!',
    ],
    [
      { lastName: 'Жуковская', firstName: 'Мария', middleName: 'Сергеевна' },
      'Жуковской Марии Сергеевне',
      'Уважаемая Мария Сергеевна!',
    ],
    [
      { lastName: 'Шевчук', firstName: 'Ольга', middleName: 'Игоревна' },
      'Шевчук Ольге Игоревне',
      'Уважаемая Ольга Игоревна!',
    ],
    [
      { lastName: 'Гоголь', firstName: 'Николай', middleName: 'Васильевич' },
      'Гоголю Николаю Васильевичу',
      'Уважаемый Николай Васильевич!',
    ],
    [{ lastName: 'Кузьмин', firstName: 'Илья', middleName: null }, 'Кузьмину Илье', 'Уважаемый Илья!'],
    [{ lastName: 'Ким', firstName: null, middleName: null }, 'Ким', 'Уважаемый(ая) Ким!'],
  ])('%o', (n, dative, hello) => {
    expect(dativeName(n)).toBe(dative);
    expect(salutation(n)).toBe(hello);
  });

  it('tells the gender from the patronymic first', () => {
    expect(genderOf({ lastName: 'Дурново', firstName: 'Саша', middleName: 'Павлович' })).toBe('m');
    expect(genderOf({ lastName: null, firstName: null, middleName: null })).toBeNull();
  });

  it.each([
    ['Петров Пётр Петрович', 'Петров П. П.'],
    ['Петров П.П.', 'Петров П. П.'],
    ['Петров', 'Петров'],
  ])('initials of %s', (full, short) => expect(initials(full)).toBe(short));
});

describe('letter templates', () => {
  it('knows each kind’s fields and fills them; a known field without a value is a line to fill by hand', () => {
    expect(checkTemplate('request', '{{адресат}} {{ срок_ответа }}')).toEqual([]);
    expect(checkTemplate('reply', '{{адресат}}')).toEqual([{ field: 'адресат', kind: 'unknown' }]);
    expect(checkTemplate('reply', 'текст {{заявителю')).toEqual([{ field: '{{заявителю', kind: 'unclosed' }]);
    expect(fillTemplate('{{заявителю}}: {{текст_ответа}}', { заявителю: 'Иванову И. П.' })).toBe(
      'Иванову И. П.: ___',
    );
  });
});

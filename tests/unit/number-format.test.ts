import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/domain/number';
import { APPEALS, countOf, DAYS, plural } from '../../shared/domain/plural';
import { backupText } from '../../shared/i18n/ru/backups';
import { eventsUi } from '../../shared/i18n/ru/events';
import { home } from '../../shared/i18n/ru/home';
import { plural as uiPlural, ui } from '../../shared/i18n/ru/ui';

const NBSP = '\u00a0';

describe('numbers as the office reads them', () => {
  it.each([
    [21.4, '21,4'],
    [21.45, '21,5'],
    [3000, `3${NBSP}000`],
    [1234567.5, `1${NBSP}234${NBSP}567,5`],
    [0, '0'],
    [-9, '\u22129'],
    [12, '12'],
  ])('%d → %s', (n, text) => expect(formatNumber(n)).toBe(text));

  it('never prints a decimal point or a breaking space', () => {
    for (const n of [0.5, 21.4, 1000.25, 999_999.9, 12_345_678])
      expect(formatNumber(n, 2)).not.toMatch(/[. ]/);
  });

  it('gives a count its noun with the same number format: «21,4 дня», «3 000 обращений»', () => {
    expect(countOf(21.4, DAYS)).toBe('21,4 дня');
    expect(countOf(3000, APPEALS)).toBe(`3${NBSP}000 обращений`);
  });
});

describe('one plural helper', () => {
  const forms = ['резолюция', 'резолюции', 'резолюций'] as const;
  it.each([
    [0, 'резолюций'],
    [1, 'резолюция'],
    [2, 'резолюции'],
    [5, 'резолюций'],
    [11, 'резолюций'],
    [12, 'резолюций'],
    [21, 'резолюция'],
    [104, 'резолюции'],
    [111, 'резолюций'],
    [1.5, 'резолюции'],
  ])('%d → %s', (n, form) => {
    expect(plural(n, ...forms)).toBe(form);
    // The screens' strings reach it through the i18n module: the same rule, not a copy.
    expect(uiPlural(n, ...forms)).toBe(form);
  });

  it('agrees every counted word on the screens with its number', () => {
    expect(home.deputy.resolutions(1)).toBe('резолюция по обращениям и ответам на запросы');
    expect(home.deputy.resolutions(3)).toBe('резолюции по обращениям и ответам на запросы');
    expect(home.assistant.tasksToday(21)).toBe('задача на сегодня');
    expect(home.assistant.tasksOverdue(1)).toBe('задача просрочена');
    expect(home.office.openAppeals(5)).toBe('обращений в работе');
    expect(home.office.queue(1)).toBe('ждёт решения депутата');
    expect(eventsUi.count(1)).toBe('1 мероприятие');
    expect(eventsUi.count(1000)).toBe(`1${NBSP}000 мероприятий`);
    expect(backupText.count(22)).toBe('22 копии');
    expect(ui.registry.shown(3, 3000)).toBe(`Найдено: 3${NBSP}000 обращений, загружено 3`);
  });
});

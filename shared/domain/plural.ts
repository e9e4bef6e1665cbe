/**
 * Russian plural forms: 1 обращение, 2 обращения, 5 обращений, 21 обращение, 1,5 дня. One helper for
 * every count the app prints; the rule is the CLDR one that Intl.PluralRules carries, not a local copy.
 */
import { formatNumber } from './number';

export type PluralForms = readonly [one: string, few: string, many: string];

const rules = new Intl.PluralRules('ru');

export function pluralForm(n: number, forms: PluralForms): string {
  switch (rules.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    case 'many':
      return forms[2];
    default:
      // Fractions ('other' in CLDR for Russian) take the genitive singular: 1,5 дня.
      return forms[1];
  }
}

/** The form of the noun after `n`, the forms given one by one: `plural(5, 'день', 'дня', 'дней')` → «дней». */
export function plural(n: number, one: string, few: string, many: string): string {
  return pluralForm(n, [one, few, many]);
}

/** The number and its noun: `countOf(5, DAYS)` → «5 дней», `countOf(21.4, DAYS)` → «21,4 дня». */
export function countOf(n: number, forms: PluralForms): string {
  return `${formatNumber(n)} ${pluralForm(n, forms)}`;
}

export const DAYS: PluralForms = ['день', 'дня', 'дней'];
export const APPEALS: PluralForms = ['обращение', 'обращения', 'обращений'];
export const SHEETS: PluralForms = ['лист', 'листа', 'листов'];
export const REQUESTS: PluralForms = ['запрос', 'запроса', 'запросов'];
export const SIGNATORIES: PluralForms = ['подписант', 'подписанта', 'подписантов'];

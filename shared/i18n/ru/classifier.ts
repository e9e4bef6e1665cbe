/** The words of the thematic classifier: the picker, and codes shown by name on cards, lists and paper. */

export const CLASSIFIER_LEVEL_NAMES: Record<number, string> = {
  1: 'раздел',
  2: 'тематика',
  3: 'тема',
  4: 'вопрос',
  5: 'подвопрос',
};

export const classifierText = {
  label: 'Вопросы по классификатору',
  filterLabel: 'Тематика',
  placeholder: 'Слова или код: «мусор», «отопление», 0005.0005.0056.1160',
  filterPlaceholder: 'Раздел, тематика, тема или вопрос',
  hint: '↑/↓ — выбор, Enter — добавить, Backspace в пустом поле — убрать последний',
  nothingFound: 'Ничего не найдено: попробуйте другое слово или код',
  mostUsed: 'Чаще всего в приёмной',
  remove: 'Убрать',
  clear: 'нажмите, чтобы снять',
  uses: (n: number) => `в обращениях: ${n}`,
  /** A code of an older appeal or another edition that the classifier in force does not hold. */
  unknown: 'нет в классификаторе',
  pathSeparator: ' → ',
};

/** A code as every screen and document shows it: «Name (code)», or the bare code marked unknown. */
export function topicLabel(code: string, name: string | null): string {
  return name === null ? `${code} (${classifierText.unknown})` : `${name} (${code})`;
}

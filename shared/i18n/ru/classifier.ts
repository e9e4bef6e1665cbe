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
  /** A code an edition of the classifier withdrew: it stays on older appeals, and is not offered for new ones. */
  withdrawn: 'исключён из классификатора',
  pathSeparator: ' → ',
};

/** A withdrawn entry's name with its mark, as documents print it. */
export function withdrawnName(name: string): string {
  return `${name} — ${classifierText.withdrawn}`;
}

/**
 * A code as every screen and document shows it: «Name (code)», the bare code marked unknown, or a withdrawn
 * entry's name marked.
 */
export function topicLabel(code: string, name: string | null, withdrawn: string | null = null): string {
  if (name === null) return `${code} (${classifierText.unknown})`;
  return `${withdrawn === null ? name : withdrawnName(name)} (${code})`;
}

/** The server's words when a new appeal brings a withdrawn code. */
export const WITHDRAWN_MESSAGE = 'the question is withdrawn from the classifier in force';

export const classifierServerMessages: Record<string, string> = {
  [WITHDRAWN_MESSAGE]:
    'Этот вопрос исключён из действующей редакции классификатора: выберите вопрос из действующей редакции',
  'the classifier changed since the preview; preview the file again':
    'Классификатор изменился после просмотра: откройте файл ещё раз',
  'the edition must be later than the one in force': 'Дата редакции должна быть позже действующей',
  'no such classifier entry': 'Такого кода нет в классификаторе',
};

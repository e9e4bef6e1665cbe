/**
 * The oral answer at a personal reception (59-FZ Art. 13 p.2): the registration form's section, the card's
 * block, and the server's refusals, in Russian.
 */
export const oralAnswerUi = {
  section: 'Ответ на личном приёме',
  given: 'Ответ дан устно',
  hint:
    'Если обстоятельства очевидны и заявитель согласен, ответ даётся устно во время приёма и записывается в карточку: ' +
    'обращение регистрируется и сразу закрывается (ч. 2 ст. 13 59-ФЗ). Иначе оставьте отметку пустой — ' +
    'обращение будет рассматриваться как письменное.',
  result: 'Результат',
  text: 'Что ответили заявителю',
  consent: 'Заявитель согласен получить ответ устно',
  answeredBy: 'Ответ дал',
  answeredByHint: 'Пусто — не указывать',
  saved: (regNumber: string) =>
    `Обращение зарегистрировано: № ${regNumber}. Ответ дан устно, рассмотрение завершено.`,
  card: {
    title: 'Ответ дан устно на личном приёме',
    on: (date: string) => `Дата ответа: ${date}`,
    consent: 'Заявитель согласился на устный ответ (ч. 2 ст. 13 59-ФЗ)',
    answeredBy: (who: string) => `Ответ дал: ${who}`,
    /** The printed card's row. */
    printed: 'Ответ дан устно на личном приёме (ч. 2 ст. 13 59-ФЗ)',
    printedLine: (on: string, text: string, who: string | null) =>
      `${on}, с согласия заявителя${who ? `, ответ дал ${who}` : ''}: ${text}`,
  },
};

/** Names of the contract's fields, as the server's refusals name them. */
export const oralAnswerFieldLabels: Record<string, string> = {
  oralAnswer: 'Устный ответ',
  'oralAnswer.result': 'Результат устного ответа',
  'oralAnswer.text': 'Текст устного ответа',
  'oralAnswer.consent': 'Согласие заявителя на устный ответ',
  'oralAnswer.answeredBy': 'Кто дал ответ',
};

export const oralAnswerServerMessages: Record<string, string> = {
  'the applicant’s agreement is required': 'Отметьте согласие заявителя на устный ответ',
  'an oral answer is given at a personal reception only': 'Устный ответ даётся только на личном приёме',
};

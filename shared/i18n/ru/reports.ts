import type { APPEAL_RESULTS } from '../../api/appeals';
/** The reports by the thematic classifier: the breakdown by question and the ССТУ.РФ layout. */
export const classifierReport = {
  title: 'Обращения по тематическому классификатору',
  /** The column of the breakdown's codes and names. */
  question: 'Раздел, тематика, тема, вопрос',
  received: 'Поступило вопросов',
  open: 'На рассмотрении',
  noResult: 'Закрыто без результата',
  noTopic: 'Без тематики',
  unknown: 'нет в классификаторе',
  total: 'Всего вопросов',
  empty: 'За период нет обращений',
  /** Column heads with soft hyphens: eight figures beside the names on a portrait page. */
  short: {
    received: 'Посту\u00adпило',
    supported: 'Под\u00adдер\u00adжано',
    supported_measures_taken: 'Меры при\u00adняты',
    not_supported: 'Не под\u00adдер\u00adжано',
    explained: 'Разъяс\u00adнено',
    answered: 'Дан от\u00adвет',
    forwarded: 'На\u00adправ\u00adлено',
    left_without_answer: 'Без от\u00adвета',
    none: 'Без резуль\u00adтата',
    open: 'На рас\u00adсмо\u00adтре\u00adнии',
  } satisfies Record<(typeof APPEAL_RESULTS)[number] | 'received' | 'none' | 'open', string> as Record<
    string,
    string
  >,
  legend:
    'Вопросы обращений, зарегистрированных в периоде, по результату на дату отчёта: поддержано, поддержано и меры приняты, не поддержано, разъяснено, дан ответ (устно на личном приёме), направлено по компетенции, оставлено без ответа, на рассмотрении.',
  /** «0005.0005.0056.1149 Оплата жилищно-коммунальных услуг»; a code not in the classifier, marked. */
  label: (code: string, name: string | null) =>
    code ? (name === null ? `${code} (нет в классификаторе)` : `${code} ${name}`) : 'Без тематики',
};

/** The report in the layout of ССТУ.РФ: per question, received and the result of review. */
export const sstuReport = {
  title: 'Результаты рассмотрения обращений граждан по вопросам тематического классификатора',
  subtitle: 'по форме ССТУ.РФ',
  fileName: (from: string, to: string, ext: string) => `ССТУ ${from} — ${to}.${ext}`,
  sheet: 'ССТУ',
  code: 'Код',
  name: 'Наименование',
  total: 'Итого',
  noTopic: 'Без тематики',
  unknown: '(нет в классификаторе)',
  /** The heads as the DOCX prints them: soft hyphens where a narrow column breaks a word. */
  heads: {
    received: 'Посту\u00adпило',
    supported: 'Поддер\u00adжано',
    measuresTaken: 'в т.ч. меры приняты',
    explained: 'Разъяс\u00adнено',
    notSupported: 'Не под\u00adдер\u00adжано',
    answered: 'Дан ответ автору',
    leftWithoutAnswer: 'Остав\u00adлено без ответа автору',
    forwarded: 'Направ\u00adлено по компе\u00adтенции',
    inReview: 'Нахо\u00addится на рас\u00adсмо\u00adтрении',
  },
  columns: {
    received: 'Поступило',
    supported: 'Поддержано',
    measuresTaken: 'в т.ч. меры приняты',
    explained: 'Разъяснено',
    notSupported: 'Не поддержано',
    answered: 'Дан ответ автору',
    leftWithoutAnswer: 'Оставлено без ответа автору',
    forwarded: 'Направлено по компетенции',
    inReview: 'Находится на рассмотрении',
  },
  note: 'Вопросы обращений, зарегистрированных в периоде; результат — на дату отчёта. Подвопрос учтён в своём вопросе, вопрос — один раз на обращение.',
  generated: (date: string) => `Сформировано ${date}`,
};

export const reportsText = {
  sstuDocx: 'ССТУ DOCX',
  sstuXlsx: 'ССТУ XLSX',
  classifier: 'По классификатору',
  showClassifier: 'Вопросы по классификатору',
};

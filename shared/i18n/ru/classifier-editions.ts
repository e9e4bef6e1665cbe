import { countOf, type PluralForms } from '../../domain/plural';

/** The words of the classifier's editions in Settings: a newer edition's import and the office's own names. */

const ENTRIES: PluralForms = ['запись', 'записи', 'записей'];

export const editionText = {
  title: 'Классификатор обращений',
  intro:
    'Новую редакцию классификатора можно загрузить без обновления программы: файл JSON в формате поставки или таблица CSV (UTF-8 или Windows-1251) либо XLSX со столбцами «Код» и «Наименование». Исключённые вопросы остаются в прежних обращениях, но для новых больше не предлагаются.',
  inForce: (date: string, source: string) => `Действует редакция на ${date} (${source})`,
  history: 'Принятые редакции',
  taken: (date: string, source: string, added: number, renamed: number, withdrawn: number) =>
    `на ${date}, ${source}: добавлено ${added}, переименовано ${renamed}, исключено ${withdrawn}`,
  fileLabel: 'Файл редакции',
  reading: 'Файл читается…',
  summary: (entries: number, unchanged: number) =>
    `В файле ${countOf(entries, ENTRIES)}, без изменений — ${unchanged}.`,
  read: { json: 'JSON', csv: 'CSV', xlsx: 'XLSX' } as Record<string, string>,
  encoding: { 'utf-8': 'UTF-8', cp1251: 'Windows-1251' } as Record<string, string>,
  nothingChanges: 'Редакция ничего не меняет в действующем классификаторе.',
  added: (n: number) => `Добавлено: ${n}`,
  renamed: (n: number) => `Переименовано: ${n}`,
  withdrawn: (n: number) => `Исключено: ${n}`,
  clashes: (n: number) => `Исправленные приёмной наименования, которые меняет редакция: ${n}`,
  clashesNote:
    'Наименование, исправленное приёмной, сохраняется и после новой редакции. Если новое официальное наименование вас устраивает, верните его в списке исправлений ниже.',
  columns: {
    code: 'Код',
    level: 'Уровень',
    name: 'Наименование',
    from: 'Было',
    to: 'Стало',
    appeals: 'Обращений с кодом',
    office: 'Наименование приёмной',
    official: 'Официальное',
  },
  more: (n: number) => `и ещё ${n}`,
  editionLabel: 'Редакция на дату',
  editionHint: 'Дата, на которую действует редакция; позже действующей',
  apply: 'Принять редакцию',
  applying: 'Принимается…',
  cancel: 'Отменить',
  applied: (date: string, added: number, renamed: number, withdrawn: number) =>
    `Принята редакция на ${date}: добавлено ${added}, переименовано ${renamed}, исключено ${withdrawn}.`,
  needDate: 'Укажите дату редакции',
  /** A refused file: where, then what. */
  problem: {
    format: 'Файл не читается как JSON, CSV или XLSX',
    encoding: 'Неверная кодировка: сохраните файл в UTF-8 или Windows-1251',
    columns: 'Нет столбцов «Код» и «Наименование» (в первой строке таблицы)',
    code: 'Неверный код: нужен код вида 0005.0005.0056.1160',
    name: 'Пустое наименование',
    duplicate: 'Код повторяется',
    parent: 'Нет вышестоящего кода в файле',
    level: 'Уровень не соответствует коду',
    empty: 'В файле нет записей',
  } as Record<string, string>,
  where: (line: number | null, column: string | null) =>
    [line === null ? null : `строка ${line}`, column ? `столбец «${column}»` : null]
      .filter(Boolean)
      .join(', '),
  alsoIn: (line: number) => `уже был в строке ${line}`,
  names: {
    title: 'Наименования приёмной',
    intro:
      'Приёмная может исправить наименование записи классификатора в своей редакции, например опечатку источника. Исправленное наименование показывается везде вместо официального и сохраняется при загрузке новых редакций.',
    none: 'Исправлений нет: везде официальные наименования.',
    codeLabel: 'Код',
    nameLabel: 'Наименование приёмной',
    official: 'Официальное наименование',
    save: 'Сохранить наименование',
    saved: 'Наименование сохранено',
    reset: 'Вернуть официальное',
    notFound: 'Такого кода нет в классификаторе',
    setAt: 'Исправлено',
  },
};

/** The registry's column chooser: which columns, in what order, how wide (kept for each person). */
export const registryColumnsUi = {
  button: 'Столбцы',
  title: 'Столбцы реестра',
  hint: 'Отметьте нужные столбцы и расставьте их стрелками. Ширину меняйте, потянув край заголовка.',
  up: (name: string) => `${name}: выше`,
  down: (name: string) => `${name}: ниже`,
  reset: 'Как было по умолчанию',
  close: 'Готово',
  resize: (name: string) => `Ширина столбца «${name}»`,
} as const;

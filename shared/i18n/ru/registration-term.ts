/** The 3-day registration term (59-FZ Art. 8 p.2) in the registry, in Russian. */
export const registrationTermUi = {
  // A soft hyphen: in the narrow column of checks of a small window the long word may break there.
  lateFilter: 'Зарегистри\u00adровано с нарушением срока',
  lateFilterHint: 'Позже трёх дней с поступления, по производственному календарю (ч. 2 ст. 8 59-ФЗ)',
};

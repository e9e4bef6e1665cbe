/**
 * Instants as the office reads them: `ДД.ММ.ГГГГ ЧЧ:ММ:СС` on the office's clock, 24-hour whatever the
 * computer's locale (`seconds: false` leaves them out). `timeZone` undefined is the computer's own
 * clock: only where no office is known yet, as on the sign-in screen. Screens and exports share it.
 */
export function officeTimeFormat(
  timeZone: string | undefined,
  { seconds = true }: { seconds?: boolean } = {},
): (iso: string) => string {
  const f = new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' as const } : {}),
    hourCycle: 'h23',
  });
  return (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d).replace(',', '');
  };
}

/**
 * The production calendar years shipped with the app, one JSON file per year in resources/calendar/.
 * They are checked when this module loads: a typo in a date would otherwise move every deadline silently.
 */
import y2024 from '../../resources/calendar/2024.json' with { type: 'json' };
import y2025 from '../../resources/calendar/2025.json' with { type: 'json' };
import y2026 from '../../resources/calendar/2026.json' with { type: 'json' };
import y2027 from '../../resources/calendar/2027.json' with { type: 'json' };
import { CalendarYearSchema, type CalendarYear } from './calendar';

const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['2024.json', y2024],
  ['2025.json', y2025],
  ['2026.json', y2026],
  ['2027.json', y2027],
];

function load(file: string, raw: unknown): CalendarYear {
  const result = CalendarYearSchema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`resources/calendar/${file} is invalid: ${details}`);
  }
  const expected = Number(file.slice(0, 4));
  if (result.data.year !== expected) {
    throw new Error(`resources/calendar/${file} holds year ${result.data.year}, expected ${expected}`);
  }
  return result.data;
}

export const SHIPPED_CALENDAR_YEARS: CalendarYear[] = FILES.map(([file, raw]) => load(file, raw));

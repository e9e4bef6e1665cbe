/**
 * The appeals of a period by the thematic classifier: section → theme → topic → question, each with the
 * questions received and what became of them (the appeal's result). The unit is a question of an appeal:
 * a subquestion (5-part code) counts under its question (its first four parts), an appeal that raises
 * two subquestions of one question counts once there, and an appeal with two questions counts under
 * each. A section, theme or topic row sums the questions under it. A code the classifier does not hold
 * is reported as itself (its name null), never dropped; appeals without a topic make a row of their own.
 *
 * Which appeals: those registered in the period (and the filter's offices, topic, responsible person);
 * their results are as of the report's date, so every row's received equals its closed plus its open.
 */
import type { ReadDb } from '../../db/sql';
import { APPEAL_RESULTS } from '../../shared/api/appeals';
import type { ClassifierBreakdown, ClassifierRow } from '../../shared/api/reports';
import { classifierReport as C } from '../../shared/i18n/ru/reports';
import { codeNames } from '../classifier/queries';
import type { ReportTable } from '../documents/docx/report';
import { scope, type ReportFilter } from './period';

/** A question's code: the first four parts of a code (a shorter code is itself). */
const QUESTION = (col: string) => `substr(${col}, 1, 19)`;

type Tally = Omit<ClassifierRow, 'code' | 'level' | 'name'>;

const empty = (): Tally => ({ received: 0, open: 0, byResult: {}, noticed: 0 });

function addTo(t: Tally, r: { closed: number; result: string; noticed: number; n: number }): void {
  t.received += r.n;
  if (!r.closed) t.open += r.n;
  else t.byResult[r.result] = (t.byResult[r.result] ?? 0) + r.n;
  if (r.noticed) t.noticed += r.n;
}

function merge(into: Tally, t: Tally): void {
  into.received += t.received;
  into.open += t.open;
  into.noticed += t.noticed;
  for (const [k, n] of Object.entries(t.byResult)) into.byResult[k] = (into.byResult[k] ?? 0) + n;
}

/** The level of a code (1–4; a subquestion's code is cut to its question before). */
const levelOf = (code: string): number => (code ? Math.min(code.split('.').length, 4) : 1);

/** The codes above a question's: its section, theme and topic (as far as it has them). */
function ancestors(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let k = 1; k < Math.min(parts.length, 4); k++) out.push(parts.slice(0, k).join('.'));
  return out;
}

export function classifierBreakdown(db: ReadDb, f: ReportFilter, asOf: string): ClassifierBreakdown {
  const s = scope(f);
  // With a topic asked for, only its questions count (the scope already keeps the appeals that have one).
  const topic = f.topic ? 'AND t.code >= ? AND t.code < ?' : '';
  const leaves = db.rawAll<{ code: string; closed: number; result: string; noticed: number; n: number }>(
    `SELECT code, closed, result, noticed, count(*) AS n FROM (
       SELECT DISTINCT a.id, coalesce(${QUESTION('t.code')}, '') AS code, a.status = 'closed' AS closed,
              coalesce(a.result, '') AS result,
              coalesce(a.result = 'left_without_answer' AND a.notice_sent_on IS NOT NULL, 0) AS noticed
       FROM appeals a LEFT JOIN appeal_topics t ON t.appeal_id = a.id ${topic}
       WHERE ${s.sql} AND a.registered_on BETWEEN ? AND ?)
     GROUP BY 1, 2, 3, 4`,
    ...(f.topic ? [f.topic, f.topic + '\uffff'] : []),
    ...s.params,
    f.from,
    f.to,
  );
  const questions = new Map<string, Tally>();
  for (const r of leaves) {
    let t = questions.get(r.code);
    if (!t) questions.set(r.code, (t = empty()));
    addTo(t, r);
  }
  const nodes = new Map<string, Tally>();
  const total = empty();
  for (const [code, t] of questions) {
    merge(total, t);
    for (const c of [...ancestors(code), code]) {
      let n = nodes.get(c);
      if (!n) nodes.set(c, (n = empty()));
      merge(n, t);
    }
  }
  const codes = [...nodes.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const names = codeNames(
    db,
    codes.filter((c) => c),
  );
  return {
    from: f.from,
    to: f.to,
    asOf,
    rows: codes.map((code) => ({
      code,
      level: levelOf(code),
      name: names[code] ?? null,
      ...nodes.get(code)!,
    })),
    total: { code: '', level: 1, name: null, ...total },
  };
}

const INDENT = '\u00a0\u00a0';

/**
 * The breakdown as a table of the period report and the statistics' export: a line a code, indented by
 * its level, with the received questions, the closed ones by result, and those still under review.
 */
export function classifierTable(b: ClassifierBreakdown): ReportTable {
  const results: string[] = [...APPEAL_RESULTS, ...(b.total.byResult[''] ? [''] : [])];
  const line = (label: string, r: Tally): (string | number)[] => [
    label,
    r.received,
    ...results.map((k) => r.byResult[k] ?? 0),
    r.open,
  ];
  const figures = results.length + 2;
  return {
    title: C.title,
    header: [C.question, C.short.received!, ...results.map((k) => C.short[k || 'none']!), C.short.open!],
    rows: [
      ...b.rows.map((r) => line(INDENT.repeat(r.level - 1) + C.label(r.code, r.name), r)),
      line(C.total, b.total),
    ],
    widths: [0.25, ...Array<number>(figures).fill(0.75 / figures)],
    note: C.legend,
  };
}

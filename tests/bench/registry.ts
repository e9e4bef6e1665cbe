import type Database from 'better-sqlite3';
import type { OfficeHandle } from '../../main/boot/open-office';
import { PHONE_STYLES, Rng, writePhone } from '../../main/demo/people';
import { TOPICS } from '../../main/demo/topics';
import type { Input } from '../../shared/api/index';
import type { AppealRow } from '../../shared/api/appeals';
import { MANY_MATCHES } from '../../main/appeals/list';
import { addCalendarDays } from '../../shared/domain/calendar';
import { ftsQuery } from '../../shared/domain/text';
import { ANCHOR } from './generate';
import type { BenchOffice } from './rows';
import type { Row } from './stats';

/**
 * The registry as the desk uses it: a filter, a sort, 50 rows — through the API with an assistant's session,
 * and beside it the same page by hand-written SQL on the same connection. Both must return the same rows.
 */
type ListInput = Input<'appeals.list'>;
type Page = { rows: AppealRow[]; nextCursor: string | null };

const COLUMNS = `a.id, a.office_id, a.reg_number, a.registered_on, a.received_on, a.channel, a.kind, a.status, a.applicant_name,
  a.applicant_phone, a.summary, a.topics, a.due_date, a.responsible_id, u.full_name AS responsible_name`;
const LIMIT = 50;
const CROSS_CHECKS = 20;

/**
 * One page both ways: the API input, and the raw SQL (its WHERE, ORDER BY column and direction). The raw
 * query has the service's shape (rowids first, then the rows; a probe choosing how to filter by topic or
 * search), so the ratio is what the service layer costs, not a different plan.
 */
interface Case {
  input: ListInput;
  where: string;
  params: unknown[];
  column: string;
  desc: boolean;
  /** Rows counted up to MANY_MATCHES; when there are that many, `many` replaces `where`. */
  probe?: { from: string; many: string; search?: boolean };
}

interface Shape {
  name: string;
  make(rng: Rng): Case;
}

const TODAY = ANCHOR.slice(0, 10);
const STATUSES = ['registered', 'awaiting_resolution', 'in_request', 'reply_draft', 'closed'] as const;

function topicPrefixes(): string[] {
  const out = new Set<string>();
  for (const t of TOPICS) {
    const parts = t.code.split('.');
    for (let n = 2; n <= 4; n++) out.add(parts.slice(0, n).join('.'));
  }
  return [...out].sort();
}

export function registryShapes(offices: BenchOffice[]): Shape[] {
  const prefixes = topicPrefixes();
  const users = offices.flatMap((o) => o.assistants);
  return [
    {
      name: 'status + dueDate asc',
      make: (rng) => {
        const s = rng.pick(STATUSES);
        return {
          input: { filter: { status: [s] }, sort: { field: 'dueDate', dir: 'asc' } },
          where: 'a.status = ?',
          params: [s],
          column: 'a.due_date',
          desc: false,
        };
      },
    },
    {
      name: 'responsible + registeredOn desc',
      make: (rng) => {
        const u = rng.pick(users);
        return {
          input: { filter: { responsibleId: u }, sort: { field: 'registeredOn', dir: 'desc' } },
          where: 'a.responsible_id = ?',
          params: [u],
          column: 'a.registered_on',
          desc: true,
        };
      },
    },
    {
      name: 'overdue, dueDate asc | newest',
      make: (rng) => {
        const newest = rng.chance(0.5);
        return {
          input: {
            filter: { overdue: true },
            sort: newest ? { field: 'registeredOn', dir: 'desc' } : { field: 'dueDate', dir: 'asc' },
          },
          where: "a.status <> 'closed' AND a.due_date < ?",
          params: [TODAY],
          column: newest ? 'a.registered_on' : 'a.due_date',
          desc: newest,
        };
      },
    },
    {
      name: 'received range + applicantName',
      make: (rng) => {
        const from = addCalendarDays(TODAY, -rng.int(20, 850));
        const to = addCalendarDays(from, rng.int(7, 60));
        return {
          input: {
            filter: { receivedFrom: from, receivedTo: to },
            sort: { field: 'applicantName', dir: 'asc' },
          },
          where: 'a.received_on >= ? AND a.received_on <= ?',
          params: [from, to],
          column: 'a.applicant_name',
          desc: false,
        };
      },
    },
    {
      name: 'topic prefix, registeredOn desc',
      make: (rng) => {
        const t = rng.pick(prefixes);
        return {
          input: { filter: { topic: t }, sort: { field: 'registeredOn', dir: 'desc' } },
          where: 'a.id IN (SELECT appeal_id FROM appeal_topics WHERE code >= ? AND code < ?)',
          params: [t, t + '\uffff'],
          column: 'a.registered_on',
          desc: true,
          probe: {
            from: 'appeal_topics WHERE code >= ? AND code < ?',
            many: 'EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id AND t.code >= ? AND t.code < ?)',
          },
        };
      },
    },
  ];
}

/** Words the letters really use, long enough to be what someone would search for. */
const WORDS = [
  ...new Set(
    TOPICS.flatMap((t) => t.cases.flatMap(([summary, details]) => [summary, ...details]))
      .flatMap((s) => s.toLowerCase().match(/[а-яё]{7,}/g) ?? [])
      .sort(),
  ),
];
const WORD_FORMS: ((w: string) => string)[] = [
  (w) => w.toUpperCase(),
  (w) => w[0]!.toUpperCase() + w.slice(1),
  // a stem: prefix matching finds the word in any of its grammatical cases
  (w) => w.slice(0, Math.max(5, w.length - 3)),
];

/** Full-text search: the filter is `q`, the sort the registry's default (newest first). */
export function searchShapes(db: Database.Database): Shape[] {
  const maxRowid = (db.prepare('SELECT max(rowid) AS m FROM appeals').get() as { m: number }).m;
  const sample = db.prepare<[number], { applicant_name: string; applicant_phone: string | null }>(
    'SELECT applicant_name, applicant_phone FROM appeals WHERE rowid >= ? ORDER BY rowid LIMIT 1',
  );
  const someAppeal = (rng: Rng) => sample.get(rng.int(1, maxRowid))!;
  const search = (q: string): Case => ({
    input: { filter: { q }, sort: { field: 'registeredOn', dir: 'desc' } },
    where: 'a.rowid IN (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ?)',
    params: [ftsQuery(q)],
    column: 'a.registered_on',
    desc: true,
    probe: {
      from: 'appeal_fts WHERE appeal_fts MATCH ?',
      search: true,
      many: '+a.rowid IN (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ?)',
    },
  });
  return [
    {
      name: 'FTS: surname',
      make: (rng) => {
        const surname = someAppeal(rng).applicant_name.split(' ')[0]!;
        return search(rng.chance(0.5) ? surname : surname.toLowerCase());
      },
    },
    { name: 'FTS: word, other case', make: (rng) => search(rng.pick(WORD_FORMS)(rng.pick(WORDS))) },
    {
      name: 'FTS: phone written another way',
      make: (rng) => {
        let phone: string | null = null;
        while (!phone) phone = someAppeal(rng).applicant_phone;
        return search(writePhone(phone.slice(2), rng.int(0, PHONE_STYLES - 1)));
      },
    },
  ];
}

export class RegistryBench {
  private readonly statements = new Map<string, Database.Statement>();
  mismatches = 0;
  /** Pages of the topic and search shapes compared with the plain form (filter by the match list, sort). */
  crossChecked = 0;

  constructor(
    private readonly handle: OfficeHandle,
    private readonly token: string,
  ) {}

  async api(input: ListInput): Promise<Page> {
    const r = await this.handle.api.call(
      'internal',
      'appeals.list',
      { ...input, limit: LIMIT },
      { token: this.token },
    );
    if (!r.ok) throw new Error(`appeals.list failed: ${r.error.code}: ${r.error.message}`);
    return r.value as Page;
  }

  private prepared(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.handle.sqlite.prepare(sql)));
    return st;
  }

  /** The same page by hand: statements prepared once, a row-value comparison for the cursor. */
  raw(c: Case, after?: [string, string]): { id: string; key: string }[] {
    const dir = c.desc ? 'DESC' : 'ASC';
    const order = `ORDER BY ${c.column} ${dir}, a.id ${dir}`;
    const cursor = after ? ` AND (${c.column}, a.id) ${c.desc ? '<' : '>'} (?, ?)` : '';
    let where = c.where;
    if (c.probe) {
      const count = this.prepared(
        `SELECT count(*) AS n FROM (SELECT 1 FROM ${c.probe.from} LIMIT ${MANY_MATCHES})`,
      );
      const atLeast = (params: unknown[]): boolean =>
        (count.get(...params) as { n: number }).n >= MANY_MATCHES;
      // As the service does: a search counts its exact words first (a streaming count), then the prefix query.
      const exact = c.probe.search ? c.params.map((p) => String(p).replace(/\*/g, '')) : c.params;
      const prefixed = exact.some((p, i) => p !== c.params[i]);
      if ((prefixed && atLeast(exact)) || atLeast(c.params)) where = c.probe.many;
    }
    const sql = `SELECT ${COLUMNS}, ${c.column} AS key FROM appeals a LEFT JOIN users u ON u.id = a.responsible_id
      WHERE a.rowid IN (SELECT a.rowid FROM appeals a WHERE a.deleted_at IS NULL AND ${where}${cursor} ${order}
        LIMIT ${LIMIT + 1}) ${order}`;
    return this.prepared(sql).all(...c.params, ...(after ?? [])) as { id: string; key: string }[];
  }

  private check(api: Page, raw: { id: string }[]): void {
    const a = api.rows.map((r) => r.id).join();
    const b = raw
      .slice(0, LIMIT)
      .map((r) => r.id)
      .join();
    if (a !== b) this.mismatches++;
  }

  /** `iterations` pages of one shape; `secondPage` times the page after the first (via the cursor). */
  async run(shape: Shape, rng: Rng, iterations: number, warmup: number, secondPage = false): Promise<Row> {
    const row: Row = { name: secondPage ? `${shape.name}, page 2` : shape.name, api: [], raw: [] };
    for (let i = -warmup; i < iterations; i++) {
      const c = shape.make(rng);
      let input = c.input;
      let after: [string, string] | undefined;
      if (secondPage) {
        const first = await this.api(input);
        const last = this.raw(c)[LIMIT - 1];
        if (!first.nextCursor || !last) continue;
        input = { ...input, cursor: first.nextCursor };
        after = [last.key, last.id];
      }
      let rawRows: { id: string }[] = [];
      let page: Page = { rows: [], nextCursor: null };
      let rawMs = 0;
      let apiMs = 0;
      const byHand = (): void => {
        const t0 = performance.now();
        rawRows = this.raw(c, after);
        rawMs = performance.now() - t0;
      };
      const byApi = async (): Promise<void> => {
        const t0 = performance.now();
        page = await this.api(input);
        apiMs = performance.now() - t0;
      };
      // Alternate which goes first, so neither always finds the pages the other has just read.
      if (i % 2 === 0) {
        await byApi();
        byHand();
      } else {
        byHand();
        await byApi();
      }
      if (i < 0) continue;
      row.api.push(apiMs);
      row.raw.push(rawMs);
      this.check(page, rawRows);
      // Whichever form the probe picked, the page must be the one the plain form gives (untimed).
      if (c.probe && i < CROSS_CHECKS) {
        this.check(page, this.raw({ ...c, probe: undefined }, after));
        this.crossChecked++;
      }
    }
    return row;
  }
}

import type Database from 'better-sqlite3';
import type { OfficeHandle } from '../../main/boot/open-office';
import { cardDocx } from '../../main/documents/service';
import { capabilitiesOf, type CallContext } from '../../main/kernel/context';
import { periodReport } from '../../main/reports/period';
import type { Clock } from '../../shared/util/clock';
import { Hlc } from '../../shared/util/hlc';
import type { Row } from './stats';

/**
 * Documents: one appeal card (the reads of the card and the DOCX built from them) beside the card's raw
 * reads; the period report over the whole data set (every office: the headquarters' view) beside the
 * same counts written as one pass of hand-written SQL.
 */
export async function documentsBench(
  handle: OfficeHandle,
  clock: Clock,
  iterations: number,
  log: (s: string) => void,
): Promise<{ rows: Row[]; cpuCardMs: number; cpuReportMs: number }> {
  const db: Database.Database = handle.sqlite;
  const ctx: CallContext = {
    store: handle.store,
    clock,
    // The card only reads: the HLC is never asked for a stamp.
    hlc: new Hlc('0000000000000000'),
    transport: 'internal',
    may: capabilitiesOf('internal'),
    actor: null,
    sessionToken: null,
    dataDir: null,
  };
  const ids = (
    db.prepare('SELECT id FROM appeals ORDER BY random() LIMIT ?').all(iterations) as { id: string }[]
  ).map((r) => r.id);
  const rawCard = db.prepare(
    `SELECT a.*, c.full_name, c.address, (SELECT count(*) FROM appeal_history h WHERE h.appeal_id = a.id) AS h
     FROM appeals a JOIN contacts c ON c.id = a.applicant_id WHERE a.id = ?`,
  );
  log('measuring the appeal card …');
  const card: Row = { name: 'appeal card (DOCX)', api: [], raw: [] };
  for (const id of ids.slice(0, 5)) await cardDocx(ctx, id); // warm-up
  // CPU time beside wall time: on a shared machine the wall clock also counts waiting for a core.
  let cpu = 0;
  for (const id of ids) {
    let t = performance.now();
    const c0 = process.cpuUsage();
    await cardDocx(ctx, id);
    card.api.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    t = performance.now();
    rawCard.get(id);
    card.raw.push(performance.now() - t);
  }
  const span = db
    .prepare('SELECT min(registered_on) AS a, max(registered_on) AS b, count(*) AS n FROM appeals')
    .get() as {
    a: string;
    b: string;
    n: number;
  };
  const filter = { from: span.a, to: span.b };
  const asOf = clock.now().toISOString().slice(0, 10);
  const raw = db.prepare(
    `SELECT channel, kind, count(*) AS n, sum(status = 'closed') AS closed, sum(reviewed_late) AS late,
            sum(status <> 'closed' AND due_date < ?) AS overdue
     FROM appeals WHERE registered_on BETWEEN ? AND ? GROUP BY channel, kind`,
  );
  log(`measuring the period report over ${span.n} appeals …`);
  const report: Row = { name: `period report, ${span.n} appeals`, api: [], raw: [] };
  const runs = Math.max(3, Math.min(10, Math.floor(iterations / 20)));
  const cpuCardMs = cpu / ids.length;
  cpu = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const c0 = process.cpuUsage();
    const r = periodReport(handle.store.read, filter, asOf);
    report.api.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    if (r.received !== span.n) throw new Error(`the report counted ${r.received} of ${span.n} appeals`);
    t = performance.now();
    raw.all(asOf, filter.from, filter.to);
    report.raw.push(performance.now() - t);
  }
  return { rows: [card, report], cpuCardMs, cpuReportMs: cpu / runs };
}

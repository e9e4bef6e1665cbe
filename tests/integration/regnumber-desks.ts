import { describe, expect, it } from 'vitest';
import type { HqLink } from '../../main/sync/engine';
import { HOLDER_BY_KEY, HOLDER_BY_NUMBER } from '../../main/sync/number-clash';
import { splitDeskSeq } from '../../shared/domain/regnumber';
import { queryPlan } from './migration-helpers';
import { serverMessages } from '../../shared/i18n/ru/server-messages';
import { appealInput } from './helpers';
import {
  enrolledComputer,
  enrolledOffice,
  joinedNode,
  signInAs,
  startTestHq,
  type HqKind,
  type SyncNode,
  type TestHq,
} from './sync-fixture';

const T0 = '2026-03-02T07:00:00Z';
const MINUTE = 60_000;

interface Numbered {
  id: string;
  reg_number: string;
  reg_seq: number;
}

function numbers(node: SyncNode): Numbered[] {
  return node.handle.sqlite
    .prepare('SELECT id, reg_number, reg_seq FROM appeals ORDER BY id')
    .all() as Numbered[];
}

function desk(node: SyncNode): number | null {
  const v = node.handle.sqlite.prepare("SELECT value FROM local_state WHERE key = 'desk'").get() as
    { value: string } | undefined;
  return v ? Number(v.value) : null;
}

async function register(node: SyncNode, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    node.clock.advance(MINUTE);
    out.push((await node.value('appeals.register', appealInput())).regNumber);
  }
  return out;
}

async function syncAll(...nodes: SyncNode[]): Promise<void> {
  for (let pass = 0; pass < 2; pass++)
    for (const n of nodes) expect((await n.sync.syncNow()).error).toBeNull();
}

async function hqNumbers(hq: TestHq, officeId: string): Promise<string[]> {
  return (await hq.hq.rowsOf(officeId)).filter((s) => s.t === 'appeals').map((s) => String(s.d.reg_number));
}

function historyOf(node: SyncNode, appealId: string, action: string): unknown[] {
  return node.handle.sqlite
    .prepare('SELECT id, changes, comment FROM appeal_history WHERE appeal_id = ? AND action = ?')
    .all(appealId, action);
}

/**
 * Holds every computer's first claim of a desk until all of them have made one, so they all claim the
 * same number: the worst case of computers joining at once.
 */
function gate(count: number): (link: HqLink) => HqLink {
  let waiting = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return (inner) => {
    let held = false;
    return {
      async push(req) {
        if (!held && req.rows.some((r) => r.t === 'office_desks')) {
          held = true;
          if (++waiting === count) open();
          await opened;
        }
        return inner.push(req);
      },
      pull: (cursor, limit) => inner.pull(cursor, limit),
    };
  };
}

/** Desk numbers: several computers of one office register offline and never issue the same number. */
export function deskSuite(kind: HqKind): void {
  describe(`registration numbers across the computers of one office (HQ on ${kind})`, () => {
    it('two computers register 50 appeals each offline: 100 distinct numbers everywhere, each desk contiguous', async () => {
      const hq = await startTestHq(kind, T0);
      const desk1 = await enrolledOffice(hq, 'ТВР', T0, 'admin-tver');
      await register(desk1, 3);
      await desk1.sync.syncNow();
      const laptop = await joinedNode(hq, desk1, T0);
      expect([desk(desk1), desk(laptop)]).toEqual([1, 2]);

      // Offline, the same days, the same year.
      const onDesk = await register(desk1, 50);
      const onLaptop = await register(laptop, 50);
      expect(onDesk[0]).toBe('ТВР-2026-00004');
      expect(onDesk[49]).toBe('ТВР-2026-00053');
      expect(onLaptop[0]).toBe('ТВР-2026-2-00001');
      expect(onLaptop[49]).toBe('ТВР-2026-2-00050');
      await syncAll(desk1, laptop);

      const officeId = desk1.sync.state('office_id')!;
      const everywhere = [
        numbers(desk1).map((a) => a.reg_number),
        numbers(laptop).map((a) => a.reg_number),
        await hqNumbers(hq, officeId),
      ];
      for (const list of everywhere) {
        expect(list).toHaveLength(103);
        expect(new Set(list).size).toBe(103);
        expect(new Set(list)).toEqual(new Set(everywhere[0]));
      }
      // Each desk's sequence of the year runs 1, 2, 3… with no gap and no repeat.
      const byDesk = new Map<number, number[]>();
      for (const a of numbers(desk1)) {
        const { desk: d, n } = splitDeskSeq(a.reg_seq);
        byDesk.set(d, [...(byDesk.get(d) ?? []), n]);
      }
      expect([...byDesk.keys()].sort()).toEqual([1, 2]);
      expect(byDesk.get(1)!.sort((a, b) => a - b)).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
      expect(byDesk.get(2)!.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(desk1.handle.sqlite.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 0 });
    });

    it('computers joining at once, all claiming the same desk, end with distinct desks', async () => {
      const hq = await startTestHq(kind, T0);
      const desk1 = await enrolledOffice(hq, 'ТВР', T0, 'admin-tver');
      await desk1.sync.syncNow();
      const joiners = await Promise.all([0, 1, 2].map(() => enrolledComputer(hq, desk1, T0)));
      const held = gate(joiners.length);
      const outcomes = await Promise.all(joiners.map((j) => j.sync.syncNow(held(j.sync.link()))));
      for (const o of outcomes) expect(o.error).toBeNull();
      // All three claimed desk 2; at most one kept it (the first whose pull saw no other claim), the
      // others saw a contested claim and claimed anew.
      const desks = joiners.map(desk);
      expect(desks.every((d) => d !== null && d >= 2)).toBe(true);
      expect(new Set(desks).size).toBe(3);
      expect(desks.filter((d) => d! > 2).length).toBeGreaterThanOrEqual(2);
      // Every computer learns every desk, and no number is claimed twice in the end.
      await syncAll(desk1, ...joiners);
      for (const n of [desk1, ...joiners]) {
        const rows = n.handle.sqlite.prepare('SELECT node, number FROM office_desks').all() as {
          number: number;
        }[];
        expect(rows).toHaveLength(4);
        expect(new Set(rows.map((r) => r.number)).size).toBe(4);
      }
      for (const j of joiners) await signInAs(j, desk1);
      const issued = (await Promise.all(joiners.map((j) => register(j, 2)))).flat();
      issued.push(...(await register(desk1, 2)));
      expect(new Set(issued).size).toBe(8);
    });

    it('a computer without its desk yet refuses to register, in plain words', async () => {
      const hq = await startTestHq(kind, T0);
      const desk1 = await enrolledOffice(hq, 'ТВР', T0, 'admin-tver');
      await desk1.sync.syncNow();
      const laptop = await joinedNode(hq, desk1, T0);
      // As if it had joined before desks were numbered: its claim is made on its next sync.
      laptop.handle.sqlite.prepare("DELETE FROM local_state WHERE key = 'desk'").run();
      const refused = await laptop.call('appeals.register', appealInput());
      if (refused.ok) throw new Error('registered without a desk');
      expect(serverMessages[refused.error.message]).toContain('номер рабочего места');
      await laptop.sync.syncNow();
      expect(desk(laptop)).toBe(2);
      expect((await laptop.value('appeals.register', appealInput())).regNumber).toBe('ТВР-2026-2-00001');
    });

    it('a number issued twice all the same syncs: both appeals kept, the later renumbered, both histories say so', async () => {
      const hq = await startTestHq(kind, T0);
      const desk1 = await enrolledOffice(hq, 'ТВР', T0, 'admin-tver');
      await register(desk1, 1);
      await desk1.sync.syncNow();
      const laptop = await joinedNode(hq, desk1, T0);
      // Forced: the laptop numbers as desk 1 (a copy of the desk's database would, or an older version).
      laptop.handle.sqlite.prepare("UPDATE local_state SET value = '1' WHERE key = 'desk'").run();
      const [first] = await register(desk1, 1);
      laptop.clock.advance(10 * MINUTE);
      const [second] = await register(laptop, 1);
      expect(first).toBe('ТВР-2026-00002');
      expect(second).toBe(first);

      await syncAll(laptop, desk1, laptop);
      const officeId = desk1.sync.state('office_id')!;
      const kept = numbers(desk1).find((a) => a.reg_number === first)!;
      const moved = numbers(desk1).find((a) => a.reg_number === `${first}/2`)!;
      expect(kept).toBeDefined();
      expect(moved).toBeDefined();
      expect(moved.id > kept.id).toBe(true);
      for (const n of [desk1, laptop]) {
        expect(numbers(n)).toEqual(numbers(desk1));
        expect(numbers(n)).toHaveLength(3);
        expect(historyOf(n, kept.id, 'number_clash_kept')).toEqual([
          expect.objectContaining({ comment: `${first}/2` }),
        ]);
        const note = historyOf(n, moved.id, 'number_clash') as { changes: string }[];
        expect(note).toHaveLength(1);
        expect(JSON.parse(note[0]!.changes)).toEqual({ regNumber: { from: first, to: `${first}/2` } });
      }
      expect((await hqNumbers(hq, officeId)).sort()).toEqual(
        numbers(desk1)
          .map((a) => a.reg_number)
          .sort(),
      );
      const audited = desk1.handle.sqlite
        .prepare("SELECT entity_id FROM audit_log WHERE action = 'sync.numberClash'")
        .all();
      expect(audited).toEqual([{ entity_id: moved.id }]);
      // The card shows it.
      const card = await laptop.value('appeals.get', { id: moved.id });
      expect(JSON.stringify(card)).toContain('number_clash');
      // Every appeal merged is checked so: each look-up reads one entry of a unique index.
      expect(queryPlan(desk1.handle.sqlite, HOLDER_BY_NUMBER.replaceAll('?', "'1'"))).toMatch(
        /SEARCH appeals USING INDEX sqlite_autoindex_appeals_\d \(office_id=\? AND reg_number=\?\)/,
      );
      expect(queryPlan(desk1.handle.sqlite, HOLDER_BY_KEY.replaceAll('?', '1'))).toMatch(
        /SEARCH appeals USING INDEX sqlite_autoindex_appeals_\d \(office_id=\? AND reg_year=\? AND reg_seq=\?\)/,
      );
    });

    it('an office with one computer keeps its numbers and its format', async () => {
      const hq = await startTestHq(kind, T0);
      const only = await enrolledOffice(hq, 'ТВР', T0, 'admin-tver');
      expect(await register(only, 2)).toEqual(['ТВР-2026-00001', 'ТВР-2026-00002']);
      await only.sync.syncNow();
      expect(await register(only, 1)).toEqual(['ТВР-2026-00003']);
      expect((await only.value('office.get', {})).regNumberFormat).toBe('КОД-ГГГГ-NNNNN');
      expect(numbers(only).map((a) => a.reg_seq)).toEqual([1, 2, 3]);
    });
  });
}

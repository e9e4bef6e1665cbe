import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../db/schema';
import type { HqLink } from '../../main/sync/engine';
import { openIncoming } from '../../main/sync/sealing';
import type { PullResponse, PushRequest } from '../../shared/sync/protocol';
import { appealInput } from './helpers';
import { enrolledOffice, joinedNode, startTestHq, type HqKind, type SyncNode } from './sync-fixture';

const T0 = '2026-03-02T07:00:00Z';
const HOUR = 3_600_000;
const FIELDS = ['summary', 'text'] as const;

/** A small seeded generator (mulberry32): the same run every time, and a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A link that misbehaves like a bad network or a drawer of USB sticks: it holds batches back and
 * delivers them after later ones (answering as if delivered), delivers some twice, sends old batches
 * again under their own id and under a new one, and answers some pulls with an old answer again.
 */
function chaotic(inner: HqLink, rnd: () => number): HqLink & { flush(): Promise<void> } {
  const held: PushRequest[] = [];
  const sent: PushRequest[] = [];
  const answers: PullResponse[] = [];
  let n = 0;
  const deliver = async (req: PushRequest) => {
    sent.push(req);
    return inner.push(req);
  };
  const flush = async () => {
    while (held.length > 0) await deliver(held.splice(Math.floor(rnd() * held.length), 1)[0]!);
  };
  return {
    async push(req) {
      if (rnd() < 0.25) {
        held.push(req);
        return { applied: 0, replayed: false, hqNow: new Date(Date.parse(req.now)).toISOString() };
      }
      const answer = await deliver(req);
      if (rnd() < 0.3) await deliver(req);
      await flush();
      if (sent.length > 1 && rnd() < 0.3) await inner.push(sent[Math.floor(rnd() * sent.length)]!);
      if (sent.length > 1 && rnd() < 0.3)
        await inner.push({
          ...sent[Math.floor(rnd() * sent.length)]!,
          batchId: `stale-${++n}-${req.batchId}`,
        });
      return answer;
    },
    async pull(cursor, limit) {
      if (answers.length > 0 && rnd() < 0.25) {
        const old = answers[Math.floor(rnd() * answers.length)]!;
        // An old answer again, with the cursor it had: the office re-reads from there afterwards.
        return { ...old, more: true };
      }
      const answer = await inner.pull(cursor, limit);
      answers.push(answer);
      return answer;
    },
    flush,
  };
}

interface Edit {
  id: string;
  node: string;
  row: string;
  field: string;
  value: string;
  parent: string | null;
}

function rowsOf(node: SyncNode, table: string): Map<string, string> {
  const rows = node.handle.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.id), JSON.stringify(r)]));
}

export function convergenceSuite(kind: HqKind): void {
  describe(`convergence (HQ on ${kind})`, () => {
    it('two offices and HQ end with the same values everywhere, and every value lost by LWW is a conflict', async () => {
      const rnd = random(20260302);
      const hq = await startTestHq(kind, T0);
      const desk = await enrolledOffice(hq, 'ТВР', T0, 'admin-tver');
      const other = await enrolledOffice(hq, 'РЖВ', T0, 'admin-rzhev');
      for (let i = 0; i < 6; i++) await desk.value('appeals.register', appealInput());
      for (let i = 0; i < 4; i++) await other.value('appeals.register', appealInput());
      await desk.sync.syncNow();
      // The laptop's clock is an hour behind.
      const laptop = await joinedNode(hq, desk, new Date(Date.parse(T0) - HOUR).toISOString());
      const nodes: Record<string, SyncNode> = { desk, laptop, other };
      const links = Object.fromEntries(
        Object.entries(nodes).map(([k, n]) => [k, chaotic(n.sync.link(), rnd)]),
      );

      const edits = new Map<string, Edit>();
      const byValue = new Map<string, string>();
      let counter = 0;
      const edit = async (name: string) => {
        const node = nodes[name]!;
        const ids = (
          node.handle.sqlite.prepare('SELECT id FROM appeals ORDER BY id').all() as { id: string }[]
        ).map((r) => r.id);
        const row = ids[Math.floor(rnd() * ids.length)]!;
        const field = FIELDS[Math.floor(rnd() * FIELDS.length)]!;
        const held = (
          node.handle.sqlite.prepare(`SELECT ${field} AS v FROM appeals WHERE id = ?`).get(row) as {
            v: string | null;
          }
        ).v;
        const value = `${name}-${++counter}`;
        const card = await node.value('appeals.get', { id: row });
        await node.value('appeals.update', { id: row, version: card.version, patch: { [field]: value } });
        const e: Edit = {
          id: value,
          node: name,
          row,
          field,
          value,
          parent: held ? (byValue.get(`${row}\n${field}\n${held}`) ?? null) : null,
        };
        edits.set(e.id, e);
        byValue.set(`${row}\n${field}\n${value}`, e.id);
      };

      // HLC keeps the order across the hour: the laptop's edit after it has seen the desk's wins.
      const first = (
        desk.handle.sqlite.prepare('SELECT id FROM appeals ORDER BY id LIMIT 1').get() as { id: string }
      ).id;
      const card = await desk.value('appeals.get', { id: first });
      await desk.value('appeals.update', { id: first, version: card.version, patch: { caseFile: 'дело-1' } });
      await desk.sync.syncNow();
      await laptop.sync.syncNow();
      const later = await laptop.value('appeals.get', { id: first });
      await laptop.value('appeals.update', {
        id: first,
        version: later.version,
        patch: { caseFile: 'дело-2' },
      });
      await laptop.sync.syncNow();
      await desk.sync.syncNow();
      for (const n of [desk, laptop])
        expect(n.handle.sqlite.prepare('SELECT case_file AS c FROM appeals WHERE id = ?').get(first)).toEqual(
          { c: 'дело-2' },
        );

      for (let round = 0; round < 14; round++) {
        for (const n of Object.values(nodes)) n.clock.advance(60_000);
        hq.clock.advance(60_000);
        for (const name of Object.keys(nodes)) {
          const count = Math.floor(rnd() * 4);
          for (let i = 0; i < count; i++) await edit(name);
        }
        if (round % 4 === 1) await desk.value('appeals.register', appealInput());
        // The laptop registers too, offline as well: its numbers are its desk's own.
        if (round % 3 === 0) await laptop.value('appeals.register', appealInput());
        if (round % 5 === 2) await other.value('appeals.register', appealInput());
        if (round % 6 === 0)
          await hq.hq.publish('bodies', {
            name: `Орган ${round}`,
            name_key: `орган ${round}`,
            answer_days: 30,
          });
        const offline = round >= 3 && round < 10 ? ['laptop'] : [];
        const order = Object.keys(nodes)
          .filter((k) => !offline.includes(k))
          .sort(() => rnd() - 0.5);
        for (const name of order) expect((await nodes[name]!.sync.syncNow(links[name])).error).toBeNull();
      }
      // The network settles: everything held is delivered, and each computer syncs until it is quiet.
      for (const link of Object.values(links)) await link.flush();
      for (let pass = 0; pass < 3; pass++)
        for (const n of Object.values(nodes)) expect((await n.sync.syncNow()).error).toBeNull();

      // Every row two databases share holds the same values in both, table by table.
      for (const t of SYNCED_TABLES) {
        const maps = Object.values(nodes).map((n) => rowsOf(n, t));
        for (let i = 0; i < maps.length; i++)
          for (let j = i + 1; j < maps.length; j++)
            for (const [id, row] of maps[i]!)
              if (maps[j]!.has(id)) expect(maps[j]!.get(id), `${t} ${id}`).toBe(row);
      }
      // The office's two computers hold the same rows; HQ holds the same values.
      for (const t of SYNCED_TABLES)
        expect([...rowsOf(laptop, t).keys()].sort(), t).toEqual([...rowsOf(desk, t).keys()].sort());
      // (Users' password hashes are sealed at HQ: opened with the office's key, they are the desk's.)
      for (const s of openIncoming(
        desk.handle.store.read,
        await hq.hq.rowsOf(desk.sync.state('office_id')!),
      )) {
        const local = JSON.parse(rowsOf(desk, s.t).get(s.id) ?? 'null') as Record<string, unknown> | null;
        expect(local, `${s.t} ${s.id}`).not.toBeNull();
        for (const [k, v] of Object.entries(s.d)) expect(local![k], `${s.t} ${s.id} ${k}`).toEqual(v);
      }
      expect(rowsOf(other, 'bodies').size).toBe(rowsOf(desk, 'bodies').size);

      // Both computers of the office registered, the laptop offline for a while: every number is
      // distinct on both and at HQ, and the laptop's carry its desk.
      const officeNumbers = [
        [...rowsOf(desk, 'appeals').values()].map(
          (r) => (JSON.parse(r) as { reg_number: string }).reg_number,
        ),
        (await hq.hq.rowsOf(desk.sync.state('office_id')!))
          .filter((s) => s.t === 'appeals')
          .map((s) => String(s.d.reg_number)),
      ];
      for (const list of officeNumbers) {
        expect(list).toHaveLength(6 + 4 + 5);
        expect(new Set(list).size).toBe(list.length);
      }
      expect(officeNumbers[0]!.filter((n) => n.startsWith('ТВР-2026-2-')).sort()).toEqual([
        'ТВР-2026-2-00001',
        'ТВР-2026-2-00002',
        'ТВР-2026-2-00003',
        'ТВР-2026-2-00004',
        'ТВР-2026-2-00005',
      ]);

      // Lost by LWW: an edit nobody built on that is not the value in the end.
      const parents = new Set([...edits.values()].map((e) => e.parent));
      const finals = new Set<string>();
      for (const e of edits.values()) {
        const v = (
          nodes[e.node]!.handle.sqlite.prepare(`SELECT ${e.field} AS v FROM appeals WHERE id = ?`).get(
            e.row,
          ) as {
            v: string;
          }
        ).v;
        finals.add(`${e.row}\n${e.field}\n${v}`);
      }
      const lost = [...edits.values()].filter(
        (e) => !parents.has(e.id) && !finals.has(`${e.row}\n${e.field}\n${e.value}`),
      );
      expect(lost.length).toBeGreaterThan(0);
      for (const n of [desk, laptop]) {
        const recorded = new Set(
          (
            n.handle.sqlite.prepare('SELECT row_id, field, lost_value FROM sync_conflicts').all() as {
              row_id: string;
              field: string;
              lost_value: string;
            }[]
          ).map((c) => `${c.row_id}\n${c.field}\n${JSON.parse(c.lost_value) as string}`),
        );
        for (const e of lost)
          expect(
            recorded.has(`${e.row}\n${e.field}\n${e.value}`),
            `${e.value} lost on ${e.row} ${e.field}`,
          ).toBe(true);
      }
      expect(other.handle.sqlite.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 0 });

      // The hour is reported, not hidden: on the laptop's status and in HQ's log.
      expect(Number(laptop.sync.state('drift_ms'))).toBeGreaterThan(HOUR - 60_000);
      expect(laptop.logs.some((l) => l.startsWith('clock drift'))).toBe(true);
      expect(hq.reports.some((r) => r.includes('clock_drift'))).toBe(true);
      expect(desk.sync.state('drift_ms')).toBe('0');
    });
  });
}

import { describe, expect, it } from 'vitest';
import type { RoutingRuleTable } from '../../db/schema';
import { RoutingTable } from '../../main/routing/match';
import type { ApplicantPlace } from '../../main/routing/queries';

const ACTIVE = '01900000-0000-7000-8000-00000000000a';
const GONE = '01900000-0000-7000-8000-00000000000b';
const users = new Map([
  [ACTIVE, { name: 'Анна', active: true }],
  [GONE, { name: 'Борис', active: false }],
]);

let seq = 0;
function row(over: Partial<RoutingRuleTable>): RoutingRuleTable {
  seq += 1;
  return {
    id: `01900000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    office_id: 'o',
    created_at: '',
    updated_at: '',
    hlc: '',
    deleted_at: null,
    position: seq,
    name: `r${seq}`,
    topic: null,
    channel: null,
    kind: null,
    district: null,
    settlement: null,
    responsible_id: ACTIVE,
    to_deputy: 0,
    ...over,
  };
}

const subject = (place: ApplicantPlace | null, topics: string[] = []) => {
  let reads = 0;
  return {
    s: { topics, channel: 'post', kind: 'complaint', place: () => (reads++, place) },
    reads: () => reads,
  };
};

describe('routing rules matcher', () => {
  it('matches a district by the contact’s field, else by whole words of the address, folding case and ё', () => {
    const t = new RoutingTable([row({ name: 'Заволжский', district: 'ЗАВОЛЖСКИЙ' })], users);
    const decide = (p: ApplicantPlace) => t.decide(subject(p).s).rule?.name ?? null;
    expect(decide({ district: 'заволжский', settlement: null, address: null })).toBe('Заволжский');
    // The contact's own field decides when it has one, whatever the address says.
    expect(decide({ district: 'Центральный', settlement: null, address: 'Заволжский р-н' })).toBeNull();
    expect(decide({ district: null, settlement: null, address: 'г. Тверь, Заволжский р-н, д. 1' })).toBe(
      'Заволжский',
    );
    expect(decide({ district: null, settlement: null, address: 'г. Тверь, ул. Заволжская' })).toBeNull();
    const s = new RoutingTable([row({ name: 'Ёлкино', settlement: 'Елкино' })], users);
    expect(s.decide(subject({ district: null, settlement: 'Ёлкино', address: null }).s).rule?.name).toBe(
      'Ёлкино',
    );
  });

  it('a code of any level matches the questions under it, not a sibling sharing its digits', () => {
    const t = new RoutingTable([row({ name: 'тема', topic: '0005.0005.0056' })], users);
    const hit = (topics: string[]) => t.decide(subject(null, topics).s).rule !== null;
    expect(hit(['0005.0005.0056.1149'])).toBe(true);
    expect(hit(['0005.0005.0056'])).toBe(true);
    expect(hit(['0005.0005.0005.0056'])).toBe(false);
    expect(hit(['0001.0001.0001.0001', '0005.0005.0056.1148.0001'])).toBe(true);
  });

  it('reads the applicant’s place only when a rule on a place is reached, and skips a deactivated user', () => {
    const t = new RoutingTable(
      [row({ name: 'ушёл', channel: 'post', responsible_id: GONE }), row({ name: 'почта', channel: 'post' })],
      users,
    );
    const sub = subject(null);
    const d = t.decide(sub.s);
    expect(d.rule?.name).toBe('почта');
    expect(d.responsibleName).toBe('Анна');
    expect(d.skipped.map((x) => x.name)).toEqual(['ушёл']);
    expect(sub.reads()).toBe(0);
  });
});

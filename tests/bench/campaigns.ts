/**
 * What a large campaign costs: a file of N contacts imported into it, a district's segment taken into a
 * second one, and then the screen's reads — a page of the members' list, the figures, a move — each beside
 * the hand-written SQL that reads the same rows, in turns on the same file.
 *
 *   npx tsx tests/bench/campaigns.ts [contacts]   (default 50,000)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOffice } from '../../main/boot/open-office';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { ms, summarize, thousands } from './stats';

const N = Number(process.argv[2] ?? 50_000);
const ROUNDS = 40;
const DISTRICTS = ['Центральный', 'Заречный', 'Северный', 'Южный', 'Лесной'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-bench-campaigns-'));
const office = openOffice(path.join(dir, 'office.sqlite'));
const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
  const r = await office.api.call('internal', method, input, { login: 'admin' });
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<M>;
};
const sqlite = office.sqlite;
const time = async (f: () => unknown): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const line = (name: string, api: number[], raw: number[]): void => {
  const a = summarize(api);
  const r = summarize(raw);
  console.log(
    `${name.padEnd(34)} API p50 ${ms(a.p50).padStart(6)} ms  p95 ${ms(a.p95).padStart(6)} ms   SQL p50 ${ms(r.p50).padStart(6)} ms  p95 ${ms(r.p95).padStart(6)} ms`,
  );
};

async function main(): Promise<void> {
  await call('setup.init', {
    office: { name: 'Бенч', code: 'БНЧ', region: 'Москва', deputyName: 'Иванов И. И.' },
    admin: { login: 'admin', fullName: 'Администратор', password: 'bench-pass-123' },
  });
  const csv = ['Фамилия;Имя;Телефон;Район'];
  for (let i = 0; i < N; i++)
    csv.push(
      `Фамилия${i};Имя${i % 97};+7916${String(i).padStart(7, '0')};${DISTRICTS[i % DISTRICTS.length]}`,
    );
  const signatures = await call('campaigns.create', { name: 'Подписи', kind: 'signatures' });
  const { uploadId } = await call('contacts.upload', {
    name: 'base.csv',
    dataBase64: Buffer.from(csv.join('\r\n'), 'utf8').toString('base64'),
  });
  let imported: Output<'campaigns.import'> | undefined;
  const importMs = await time(async () => {
    imported = await call('campaigns.import', { campaignId: signatures.id, source: { uploadId } });
  });
  console.log(
    `import of ${thousands(N)} rows into a campaign: ${ms(importMs / 1000)} s (${thousands((N / importMs) * 1000)} rows/s), members ${thousands(imported!.added)}`,
  );

  const segment = await call('segments.save', { name: 'Заречный', filter: { district: 'Заречный' } });
  const meeting = await call('campaigns.create', { name: 'Встреча', kind: 'meeting' });
  let added = 0;
  const segmentMs = await time(async () => {
    added = (await call('campaigns.addContacts', { campaignId: meeting.id, segmentId: segment.id })).added;
  });
  console.log(
    `a segment of ${thousands(added)} taken into a campaign: ${ms(segmentMs)} ms (${ms((segmentMs / added) * 1000)} µs a contact)`,
  );

  // Spread the first campaign over its funnel: every third contact one stage on, every ninth two.
  const page = await call('campaigns.members', { campaignId: signatures.id, limit: 1000 });
  const stages = signatures.stages;
  for (const [i, m] of page.rows.entries())
    if (i % 3 === 0)
      await call('campaigns.move', { memberId: m.id, stageId: stages[1 + (i % 9 === 0 ? 1 : 0)]!.id });

  const rawPage = sqlite.prepare(
    `SELECT m.id, c.full_name FROM campaign_members m JOIN contacts c ON c.id = m.contact_id
     JOIN campaign_stages s ON s.id = m.stage_id
     WHERE m.campaign_id = ? AND m.deleted_at IS NULL ORDER BY s.position, c.name_key LIMIT 200 OFFSET ?`,
  );
  const rawCounts = sqlite.prepare(
    'SELECT stage_id, count(*) FROM campaign_members WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY stage_id',
  );
  const rawStage = sqlite.prepare(
    `SELECT m.id, c.full_name FROM campaign_members m JOIN contacts c ON c.id = m.contact_id
     WHERE m.campaign_id = ? AND m.stage_id = ? AND m.deleted_at IS NULL ORDER BY c.name_key LIMIT 200`,
  );
  const reads: [string, () => Promise<unknown>, () => unknown][] = [
    [
      'members: first page, all stages',
      () => call('campaigns.members', { campaignId: signatures.id, limit: 200 }),
      () => rawPage.all(signatures.id, 0),
    ],
    [
      'members: a page deep in the list',
      () => call('campaigns.members', { campaignId: signatures.id, offset: N - 400, limit: 200 }),
      () => rawPage.all(signatures.id, N - 400),
    ],
    [
      'members: one stage',
      () => call('campaigns.members', { campaignId: signatures.id, stageId: stages[1]!.id, limit: 200 }),
      () => rawStage.all(signatures.id, stages[1]!.id),
    ],
    [
      'figures',
      () => call('campaigns.figures', { campaignId: signatures.id }),
      () => rawCounts.all(signatures.id),
    ],
    [
      'campaign with stage counts',
      () => call('campaigns.get', { id: signatures.id }),
      () => rawCounts.all(signatures.id),
    ],
  ];
  for (const [name, api, raw] of reads) {
    const a: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      a.push(await time(api));
      r.push(await time(raw));
    }
    line(name, a, r);
  }
  const moves: number[] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    const m = page.rows[i * 2 + 1]!;
    moves.push(await time(() => call('campaigns.move', { memberId: m.id, step: 'next' })));
  }
  const s = summarize(moves);
  console.log(`move one contact (a write, synchronous = FULL): p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms`);
}

main()
  .finally(() => {
    office.close();
    fs.rmSync(dir, { recursive: true, force: true });
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });

/**
 * A campaign's figures: contacts at each stage, contacts moved this week (the office's Monday to Sunday in
 * its time zone), open tasks by stage, and per staff member the contacts at each stage whose stage he set
 * last and the contacts he moved this week. The screen and the XLSX read the same function.
 */
import ExcelJS from 'exceljs';
import type { ReadDb } from '../../db/sql';
import type { CampaignFigures } from '../../shared/api/campaigns';
import { XLSX_MIME } from '../../shared/api/documents';
import type { Output, ParsedInput } from '../../shared/api/index';
import { addCalendarDays } from '../../shared/domain/calendar';
import { weekStart } from '../../shared/domain/periods';
import { campaignKindLabels, campaignsUi } from '../../shared/i18n/ru/campaigns';
import { zonedInstant } from '../../shared/util/clock';
import type { ReadContext } from '../kernel/context';
import { officeRow, officeToday } from '../office/queries';
import { campaignRow, stageCounts, stagesOf } from './queries';

/** The office's week holding `today`: its dates, and the instants it starts and ends at. */
export function officeWeek(today: string, timeZone: string) {
  const from = weekStart(today);
  const next = addCalendarDays(from, 7);
  return {
    from,
    to: addCalendarDays(from, 6),
    startsAt: zonedInstant(from, '00:00', timeZone).toISOString(),
    endsAt: zonedInstant(next, '00:00', timeZone).toISOString(),
  };
}

export function campaignFigures(
  db: ReadDb,
  campaignId: string,
  today: string,
  timeZone: string,
): CampaignFigures {
  const c = campaignRow(db, campaignId, 'campaignId');
  const stages = stagesOf(db, c.id);
  const week = officeWeek(today, timeZone);
  const counts = stageCounts(db, c.id);
  const tasks = new Map(
    db
      .rawAll<{ stage_id: string; n: number }>(
        `SELECT ct.stage_id, count(*) AS n FROM campaign_tasks ct JOIN tasks t ON t.id = ct.task_id
         WHERE ct.campaign_id = ? AND ct.deleted_at IS NULL AND t.status = 'open' AND t.deleted_at IS NULL
         GROUP BY ct.stage_id`,
        c.id,
      )
      .map((r) => [r.stage_id, r.n]),
  );
  // Moves to another stage (not the taking in) this week, of contacts still in the campaign.
  const MOVED = `FROM campaign_moves mv JOIN campaign_members m ON m.id = mv.member_id AND m.deleted_at IS NULL
    WHERE mv.campaign_id = ? AND mv.deleted_at IS NULL AND mv.from_stage_id IS NOT NULL AND mv.at >= ? AND mv.at < ?`;
  const moved = db.rawGet<{ n: number }>(
    `SELECT count(DISTINCT mv.member_id) AS n ${MOVED}`,
    c.id,
    week.startsAt,
    week.endsAt,
  )!.n;
  const staff = new Map<string | null, CampaignFigures['staff'][number]>();
  const person = (userId: string | null, name: string | null) => {
    let p = staff.get(userId);
    if (!p) {
      p = {
        userId,
        name,
        stages: stages.map((s) => ({ stageId: s.id, count: 0 })),
        total: 0,
        movedThisWeek: 0,
      };
      staff.set(userId, p);
    }
    return p;
  };
  for (const r of db.rawAll<{ user_id: string | null; name: string | null; stage_id: string; n: number }>(
    `SELECT g.user_id, u.full_name AS name, g.stage_id, g.n
     FROM (SELECT stage_id, moved_by AS user_id, count(*) AS n FROM campaign_members
           WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY stage_id, moved_by) g
     LEFT JOIN users u ON u.id = g.user_id`,
    c.id,
  )) {
    const p = person(r.user_id, r.name);
    const s = p.stages.find((x) => x.stageId === r.stage_id);
    if (s) s.count += r.n;
    p.total += r.n;
  }
  for (const r of db.rawAll<{ user_id: string | null; name: string | null; n: number }>(
    `SELECT mv.user_id, u.full_name AS name, count(DISTINCT mv.member_id) AS n ${MOVED.replace(
      'WHERE',
      'LEFT JOIN users u ON u.id = mv.user_id WHERE',
    )} GROUP BY mv.user_id`,
    c.id,
    week.startsAt,
    week.endsAt,
  ))
    person(r.user_id, r.name).movedThisWeek = r.n;
  return {
    campaignId: c.id,
    name: c.name,
    week: { from: week.from, to: week.to },
    stages: stages.map((s) => ({
      stageId: s.id,
      name: s.name,
      count: counts.get(s.id) ?? 0,
      openTasks: tasks.get(s.id) ?? 0,
    })),
    total: stages.reduce((n, s) => n + (counts.get(s.id) ?? 0), 0),
    movedThisWeek: moved,
    staff: [...staff.values()].sort(
      (a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'ru') || b.total - a.total,
    ),
  };
}

export function figures(ctx: ReadContext, i: ParsedInput<'campaigns.figures'>): Output<'campaigns.figures'> {
  const db = ctx.store.read;
  const office = officeRow(db);
  return campaignFigures(db, i.campaignId, officeToday(ctx, office), office.time_zone);
}

const ru = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The figures as a workbook: the stages on one sheet, the staff on another; numbers kept as numbers. */
export async function figuresXlsx(
  ctx: ReadContext,
  i: ParsedInput<'campaigns.figuresXlsx'>,
): Promise<Output<'campaigns.figuresXlsx'>> {
  const db = ctx.store.read;
  const office = officeRow(db);
  const today = officeToday(ctx, office);
  const f = campaignFigures(db, i.campaignId, today, office.time_zone);
  const kind = campaignKindLabels[campaignRow(db, i.campaignId, 'campaignId').kind];
  const T = campaignsUi;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Priemnaya';
  const stages = wb.addWorksheet(T.sheetStages);
  stages.addRow([office.name]);
  stages.addRow([`${f.name} (${kind})`]).font = { bold: true };
  stages.addRow([T.week(ru(f.week.from), ru(f.week.to))]);
  stages.addRow([]);
  stages.addRow([T.stage, T.count, T.openTasks]).font = { bold: true };
  for (const s of f.stages) stages.addRow([s.name, s.count, s.openTasks]);
  stages.addRow([T.total, f.total]).font = { bold: true };
  stages.addRow([T.movedThisWeek, f.movedThisWeek]).font = { bold: true };
  stages.getColumn(1).width = 40;
  stages.getColumn(2).width = 14;
  stages.getColumn(3).width = 16;

  const staff = wb.addWorksheet(T.sheetStaff);
  staff.addRow([T.byStaff]).font = { bold: true };
  staff.addRow([T.week(ru(f.week.from), ru(f.week.to))]);
  staff.addRow([]);
  staff.addRow([T.staff, ...f.stages.map((s) => s.name), T.total, T.movedThisWeek]).font = { bold: true };
  for (const p of f.staff)
    staff.addRow([p.name ?? T.nobody, ...p.stages.map((s) => s.count), p.total, p.movedThisWeek]);
  staff.getColumn(1).width = 36;
  for (let n = 2; n <= f.stages.length + 3; n++) staff.getColumn(n).width = 16;
  return {
    name: T.fileName(today),
    mime: XLSX_MIME,
    dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
  };
}

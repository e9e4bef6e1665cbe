/**
 * A наказ's card: what it is tied to, each with its title and date, and its history — its own actions
 * with what its linked requests and events did (a request sent, its answer; an appeal registered and
 * answered; the event's day), in the order they happened.
 */
import type { ReadDb } from '../../db/sql';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { MandateHistoryLine, MandateLink } from '../../shared/api/mandates';
import type { MandateLinkKind } from '../../shared/domain/mandates';
import { filesOf, keptFileContent } from '../assignments/files';
import { historyEntry } from '../kernel/bookkeeping';
import type { ReadContext } from '../kernel/context';
import { mandateOf } from './queries';

interface Target {
  title: string;
  date: string | null;
  /** The dated steps it adds to the наказ's history. */
  steps: { at: string; action: string; comment: string | null }[];
}

type Step = Target['steps'][number];
const step = (at: string | null, action: string, comment: string | null = null): Step[] =>
  at ? [{ at, action, comment }] : [];

/** A linked row's title, date and steps, by its kind; null when it is gone. */
const TARGETS: Record<MandateLinkKind, (db: ReadDb, id: string) => Target | null> = {
  contact: (db, id) => {
    const c = db.rawGet<{ full_name: string }>('SELECT full_name FROM contacts WHERE id = ?', id);
    return c ? { title: c.full_name, date: null, steps: [] } : null;
  },
  appeal: (db, id) => {
    const a = db.rawGet<{ reg_number: string; registered_on: string; closed_on: string | null }>(
      'SELECT reg_number, registered_on, closed_on FROM appeals WHERE id = ? AND deleted_at IS NULL',
      id,
    );
    if (!a) return null;
    return {
      title: a.reg_number,
      date: a.registered_on,
      steps: [...step(a.registered_on, 'appeal_registered'), ...step(a.closed_on, 'appeal_closed')],
    };
  },
  request: (db, id) => {
    const r = db.rawGet<RequestDates & { reg_number: string }>(
      `SELECT r.sent_on, r.answered_on, r.answer_summary, b.name AS body_name, a.reg_number
        FROM external_requests r JOIN appeals a ON a.id = r.appeal_id LEFT JOIN bodies b ON b.id = r.body_id
        WHERE r.id = ? AND r.deleted_at IS NULL`,
      id,
    );
    return r ? requestTarget(r, r.reg_number) : null;
  },
  own_request: (db, id) => {
    const r = db.rawGet<RequestDates & { number: number }>(
      `SELECT r.sent_on, r.answered_on, r.answer_summary, b.name AS body_name, r.number
        FROM own_requests r LEFT JOIN bodies b ON b.id = r.body_id WHERE r.id = ? AND r.deleted_at IS NULL`,
      id,
    );
    return r ? requestTarget(r, `№ ${r.number}`) : null;
  },
  event: (db, id) => {
    const e = db.rawGet<{ title: string; event_date: string; stage: string }>(
      'SELECT title, event_date, stage FROM events WHERE id = ? AND deleted_at IS NULL',
      id,
    );
    if (!e) return null;
    return {
      title: e.title,
      date: e.event_date,
      steps: e.stage === 'cancelled' ? [] : step(e.event_date, 'event_held'),
    };
  },
};

interface RequestDates {
  sent_on: string | null;
  answered_on: string | null;
  answer_summary: string | null;
  body_name: string | null;
}

function requestTarget(r: RequestDates, label: string): Target {
  const title = r.body_name ? `${label}, ${r.body_name}` : label;
  return {
    title,
    date: r.sent_on,
    steps: [...step(r.sent_on, 'request_sent'), ...step(r.answered_on, 'request_answered', r.answer_summary)],
  };
}

export function targetExists(db: ReadDb, kind: MandateLinkKind, id: string): boolean {
  return TARGETS[kind](db, id) !== null;
}

export function mandateCard(ctx: ReadContext, i: ParsedInput<'mandates.card'>): Output<'mandates.card'> {
  const db = ctx.store.read;
  const mandate = mandateOf(db, i.id);
  const rows = db.rawAll<{ kind: MandateLinkKind; target_id: string; created_at: string }>(
    `SELECT kind, target_id, created_at FROM mandate_links
      WHERE mandate_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid`,
    i.id,
  );
  const links: MandateLink[] = [];
  const history: MandateHistoryLine[] = [];
  for (const l of rows) {
    const t = TARGETS[l.kind](db, l.target_id);
    if (!t) continue;
    links.push({ kind: l.kind, targetId: l.target_id, title: t.title, date: t.date, linkedAt: l.created_at });
    for (const s of t.steps)
      history.push({
        at: s.at,
        action: s.action,
        userName: null,
        changes: {},
        comment: s.comment,
        link: { kind: l.kind, targetId: l.target_id, title: t.title },
      });
  }
  const own = db.rawAll<{
    id: string;
    at: string;
    action: string;
    changes: string;
    comment: string | null;
    user_name: string | null;
  }>(
    `SELECT h.id, h.at, h.action, h.changes, h.comment, u.full_name AS user_name
      FROM mandate_history h LEFT JOIN users u ON u.id = h.user_id
      WHERE h.mandate_id = ? AND h.deleted_at IS NULL ORDER BY h.at, h.rowid`,
    i.id,
  );
  for (const h of own) {
    const e = historyEntry(h, h.user_name);
    const link = linkOf(e.changes, links);
    history.push({
      at: e.at,
      action: e.action,
      userName: e.userName,
      changes: e.changes,
      comment: e.comment,
      link,
    });
  }
  // A date (a request's sending day) sorts before the instants of that day: «2026-03-02» < «2026-03-02T…».
  history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { mandate, links, history, files: filesOf(db, 'mandate_files', 'mandate_id', i.id) };
}

/** A link or unlink entry names its target in `changes.link`; the card shows the target's title. */
function linkOf(changes: Record<string, { from: unknown; to: unknown }>, links: MandateLink[]) {
  const c = changes.link;
  const v = (c?.to ?? c?.from) as
    { kind: MandateLinkKind; targetId: string; title?: string } | null | undefined;
  if (!v) return null;
  const found = links.find((l) => l.kind === v.kind && l.targetId === v.targetId);
  return { kind: v.kind, targetId: v.targetId, title: found?.title ?? v.title ?? '' };
}

export const mandateFile = (ctx: ReadContext, i: ParsedInput<'mandates.file'>): Output<'mandates.file'> =>
  keptFileContent(ctx, 'mandate_files', i.id);

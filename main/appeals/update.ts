/** `appeals.update`: the card's edit, with its history, audit, search text and topics kept in step. */
import type { AppealTable } from '../../db/schema';
import type { AppealKind, AppealStatus } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { isOpenStatus } from '../../shared/domain/appeal';
import { extendTerm } from '../../shared/domain/deadlines';
import { refuseWithdrawn } from '../classifier/queries';
import { appealHistory, audit, diff, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { officeCalendar, officeRow, officeToday } from '../office/queries';
import { reassignOpenTasks } from '../tasks/tasks';
import { editable, getCard } from './card';
import { checkAppealDates, checkUsers } from './checks';
import { appealRow } from './queries';
import { appealTerm, indexForSearch, setTopics } from './register';

type Patch = ParsedInput<'appeals.update'>['patch'];

function toColumns(p: Patch): Partial<AppealTable> {
  const c: Partial<AppealTable> = {};
  const bool = (b: boolean): number => (b ? 1 : 0);
  if (p.receivedOn !== undefined) c.received_on = p.receivedOn;
  if (p.channel !== undefined) c.channel = p.channel;
  if (p.kind !== undefined) c.kind = p.kind;
  if (p.isRepeat !== undefined) c.is_repeat = bool(p.isRepeat);
  if (p.isCollective !== undefined) c.is_collective = bool(p.isCollective);
  if (p.signatories !== undefined) c.signatories = p.signatories;
  if (p.isAnonymous !== undefined) c.is_anonymous = bool(p.isAnonymous);
  if (p.sheets !== undefined) c.sheets = p.sheets;
  if (p.attachmentsNote !== undefined) c.attachments_note = p.attachmentsNote;
  if (p.topics !== undefined) c.topics = JSON.stringify(p.topics);
  if (p.summary !== undefined) c.summary = p.summary;
  if (p.text !== undefined) c.text = p.text;
  if (p.responsibleId !== undefined) c.responsible_id = p.responsibleId;
  if (p.executorId !== undefined) c.executor_id = p.executorId;
  if (p.onControl !== undefined) c.on_control = bool(p.onControl);
  if (p.forwardedFrom !== undefined) {
    c.forwarded_from_body = p.forwardedFrom?.body ?? null;
    c.forwarded_from_number = p.forwardedFrom?.outgoingNumber ?? null;
    c.forwarded_from_date = p.forwardedFrom?.date ?? null;
  }
  if (p.caseFile !== undefined) c.case_file = p.caseFile;
  return c;
}

export function update(ctx: CallContext, input: ParsedInput<'appeals.update'>): Output<'appeals.update'> {
  ctx.store.transaction((db) => {
    const office = officeRow(db);
    const before = appealRow(db, input.id);
    if (before.hlc !== input.version)
      throw new ApiError('conflict', 'the appeal was changed by someone else; reload it', {
        field: 'version',
      });
    if (!isOpenStatus(before.status as AppealStatus) && input.patch.responsibleId !== undefined)
      throw new ApiError('invalid_state', 'a closed appeal cannot be reassigned', { field: 'responsibleId' });
    if (input.patch.receivedOn)
      checkAppealDates(
        { receivedOn: input.patch.receivedOn, registeredOn: before.registered_on },
        officeToday(ctx, office),
      );
    checkUsers(db, input.patch.responsibleId, input.patch.executorId);
    if (input.patch.topics)
      refuseWithdrawn(db, input.patch.topics, 'patch.topics', JSON.parse(before.topics));
    const st = stamp(ctx);
    const cols = toColumns(input.patch);
    if (cols.kind && cols.kind !== before.kind) {
      let term = appealTerm(ctx, office, before.registered_on, cols.kind as AppealKind);
      // An extension granted earlier still stands on the new term.
      if (before.extension_days)
        term = extendTerm(term.termDate, before.extension_days, {
          calendar: officeCalendar(ctx, office),
          shift: office.deadline_shift,
        });
      Object.assign(cols, { term_date: term.termDate, due_date: term.controlDate });
    }
    if (cols.is_collective === 0) cols.signatories = 1;
    const after = updateSynced(db, 'appeals', before.id, cols, st);
    const changes = diff(editable(before), editable(after));
    if (after.due_date !== before.due_date) changes.dueDate = { from: before.due_date, to: after.due_date };
    if (Object.keys(changes).length === 0) return;
    if (cols.topics !== undefined) setTopics(db, after.id, input.patch.topics ?? []);
    if (cols.summary !== undefined || cols.text !== undefined) indexForSearch(db, after);
    if (changes.responsibleId) reassignOpenTasks(db, st, after.id, after.responsible_id);
    appealHistory(db, ctx, st, office.id, after.id, 'updated', changes);
    audit(db, ctx, office.id, 'appeals.update', 'appeal', after.id, Object.keys(changes));
  });
  return getCard(ctx.store.read, ctx, input.id);
}

import type { ReadDb } from '../../db/sql';
import type { AppealTable } from '../../db/schema';
import type { AppealCard } from '../../shared/api/appeals';
import type { Role } from '../../shared/api/define';
import {
  availableActions,
  DIRECTION_OF,
  type AppealAction,
  type AppealState,
} from '../../shared/domain/workflow/appeal';
import type { Art11Ground } from '../../shared/domain/workflow/art11';
import { requestsOfAppeal } from '../requests/queries';
import { userName } from '../office/queries';

type WorkflowPart = Pick<
  AppealCard,
  | 'direction'
  | 'stageSince'
  | 'actions'
  | 'resubmissionOf'
  | 'art11'
  | 'notice'
  | 'forward'
  | 'extension'
  | 'reply'
  | 'reviewedLate'
  | 'resolutions'
  | 'requests'
>;

/** The table's actions, less a letter that cannot go out yet: forwarding needs its addressee first. */
function cardActions(a: AppealTable, role: Role): AppealAction[] {
  const actions = availableActions(a.status as AppealState, role);
  return a.forward_addressee ? actions : actions.filter((x) => x !== 'completeForward');
}

/** The workflow's part of the card: where the appeal stands and what the caller may do next. */
export function workflowPart(db: ReadDb, a: AppealTable, today: string, role: Role | null): WorkflowPart {
  const state = a.status as AppealState;
  return {
    direction: DIRECTION_OF[state],
    stageSince: a.stage_since,
    actions: role ? cardActions(a, role) : [],
    resubmissionOf: a.resubmission_of,
    art11: a.art11_ground
      ? {
          ground: a.art11_ground as Art11Ground,
          linkedAppealIds: JSON.parse(a.art11_linked) as string[],
          publishedAnswerUrl: a.art11_published_url,
        }
      : null,
    notice: a.notice_sent_on
      ? { sentOn: a.notice_sent_on, form: a.notice_form, outgoingNumber: a.notice_number }
      : null,
    forward: a.forward_addressee
      ? {
          addressee: a.forward_addressee,
          complainedBody: a.complained_body,
          outgoingNumber: a.forward_number,
          sentOn: a.forward_sent_on,
          applicantNotifiedOn: a.forward_notified_on,
        }
      : null,
    extension:
      a.extension_days && a.extension_reason && a.extended_on
        ? {
            days: a.extension_days,
            reason: a.extension_reason,
            extendedOn: a.extended_on,
            extendedBy: userName(db, a.extended_by),
            notifiedOn: a.extension_notified_on,
          }
        : null,
    reply:
      a.reply_text || a.reply_sent_on
        ? {
            text: a.reply_text,
            approvedBy: userName(db, a.reply_approved_by),
            approvedOn: a.reply_approved_on,
            form: a.reply_form,
            sentOn: a.reply_sent_on,
            outgoingNumber: a.reply_number,
            signatory: a.reply_signatory,
            consent: a.oral_consent === 1,
          }
        : null,
    reviewedLate: a.reviewed_late === null ? null : a.reviewed_late === 1,
    resolutions: db
      .all(
        db.qb
          .selectFrom('resolutions as r')
          .innerJoin('users as u', 'u.id', 'r.author_id')
          .select(['r.id', 'r.request_id', 'u.full_name', 'r.resolved_on', 'r.text', 'r.decision'])
          .where('r.appeal_id', '=', a.id)
          .orderBy('r.hlc'),
      )
      .map((r) => ({
        id: r.id,
        requestId: r.request_id,
        authorName: r.full_name,
        resolvedOn: r.resolved_on,
        text: r.text,
        decision: r.decision,
      })),
    requests: requestsOfAppeal(db, a.id, today, role),
  };
}

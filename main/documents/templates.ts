import type { ReadDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import {
  checkTemplate,
  fieldsOf,
  fillTemplate,
  LETTER_KINDS,
  type LetterKind,
  type LetterValues,
} from '../../shared/domain/letter-templates';
import { defaultLetterBodies, documents as D } from '../../shared/i18n/ru/documents';
import { newId } from '../../shared/util/ids';
import { audit, insertSynced, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';

/** The office's own body for a kind of letter, or the shipped one. */
export function templateBody(
  db: ReadDb,
  officeId: string,
  kind: LetterKind,
): { body: string; custom: boolean } {
  const row = db.get(
    db.qb
      .selectFrom('letter_templates')
      .select('body')
      .where('office_id', '=', officeId)
      .where('kind', '=', kind)
      .where('deleted_at', 'is', null),
  );
  return row ? { body: row.body, custom: true } : { body: defaultLetterBodies[kind], custom: false };
}

const view = (kind: LetterKind, t: { body: string; custom: boolean }) => ({
  kind,
  body: t.body,
  fields: [...fieldsOf(kind)],
  custom: t.custom,
});

export function list(ctx: ReadContext): Output<'templates.list'> {
  const db = ctx.store.read;
  const office = officeRow(db);
  return LETTER_KINDS.map((k) => view(k, templateBody(db, office.id, k)));
}

function problemsMessage(kind: LetterKind, body: string): string | null {
  const problems = checkTemplate(kind, body);
  if (!problems.length) return null;
  return problems
    .map((p) => (p.kind === 'unknown' ? D.problems.unknownField(p.field) : D.problems.unclosed(p.field)))
    .join('; ');
}

export function save(ctx: CallContext, i: ParsedInput<'templates.save'>): Output<'templates.save'> {
  const message = problemsMessage(i.kind, i.body);
  if (message)
    throw new ApiError('validation', `body: ${message}`, {
      field: 'body',
      issues: [{ field: 'body', message }],
      details: checkTemplate(i.kind, i.body),
    });
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const existing = db.get(
      db.qb
        .selectFrom('letter_templates')
        .select('id')
        .where('office_id', '=', office.id)
        .where('kind', '=', i.kind),
    );
    if (existing) updateSynced(db, 'letter_templates', existing.id, { body: i.body, deleted_at: null }, st);
    else
      insertSynced(db, 'letter_templates', {
        id: newId(st.nowMs),
        office_id: office.id,
        created_at: st.now,
        updated_at: st.now,
        hlc: st.hlc,
        deleted_at: null,
        kind: i.kind,
        body: i.body,
      });
    audit(db, ctx, office.id, 'templates.save', 'letter_template', i.kind);
    return view(i.kind, { body: i.body, custom: true });
  });
}

/** Values that show what each field becomes when no appeal is at hand. */
export const SAMPLE_VALUES: LetterValues = {
  заявитель: 'Иванов Иван Петрович',
  заявителю: 'Иванову Ивану Петровичу',
  адрес_заявителя: 'г. Тверь, ул. Советская, д. 1, кв. 2',
  обращение_номер: 'ПТР-2026-00001',
  обращение_дата: '13.02.2026',
  обращение_поступило: '12.02.2026',
  содержание: 'о ремонте кровли дома',
  депутат: 'Петров Пётр Петрович',
  сегодня: '20.02.2026',
  адресат: 'Администрация города Твери',
  руководитель_адресата: 'Главе города Твери',
  срок_ответа: '30 дней',
  текст_запроса: 'Прошу сообщить сроки ремонта кровли.',
  текст_ответа: 'Ремонт кровли включён в план капитального ремонта на 2026 год.',
  основание: 'ч. 2 ст. 11 59-ФЗ',
  ссылка_на_ответ: 'https://deputat.example.ru/otvety/remont-krovli',
};

export function preview(
  ctx: ReadContext,
  i: ParsedInput<'templates.preview'>,
  valuesOf: (appealId: string, kind: LetterKind) => LetterValues,
): Output<'templates.preview'> {
  const values = i.appealId ? valuesOf(i.appealId, i.kind) : SAMPLE_VALUES;
  officeRow(ctx.store.read);
  return { text: fillTemplate(i.body, values), problems: checkTemplate(i.kind, i.body) };
}

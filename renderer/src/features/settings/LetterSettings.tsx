import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { LetterTemplateSchema } from '../../../../shared/api/documents';
import { DOC_FONTS, type Letterhead, type Office } from '../../../../shared/api/office';
import type { LetterField, LetterKind } from '../../../../shared/domain/letter-templates';
import {
  documents,
  letterFieldLabels,
  letterKindLabels,
  letterSettingsUi,
} from '../../../../shared/i18n/ru/documents';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, ui } from '../../i18n';
import { useStore } from '../../store';
import { SettingsForm, TextSetting, type SettingsNotice } from './SettingsForm';

type Template = z.infer<typeof LetterTemplateSchema>;
type Notice = SettingsNotice;

type LetterheadForm = {
  deputyTitle: string;
  signatoryName: string;
  signatoryTitle: string;
  font: Letterhead['font'];
  fontSize: number;
};

const formOf = (l: Letterhead): LetterheadForm => ({
  deputyTitle: l.deputyTitle ?? '',
  signatoryName: l.signatoryName ?? '',
  signatoryTitle: l.signatoryTitle ?? '',
  font: l.font,
  fontSize: l.fontSize,
});

function LetterheadSettings({ editable }: { editable: boolean }) {
  const office = useCall('office.get', {});
  // The edits; until the first, the letterhead as last read.
  const [draft, setForm] = useState<LetterheadForm | null>(null);
  const form = draft ?? (office.data ? formOf(office.data.letterhead) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setNotice] = useState<Notice>(null);
  const notice = saved ?? (office.error ? { ok: false, text: errorText(office.error) } : null);
  const [busy, setBusy] = useState(false);
  if (!form) return notice ? <p className="banner banner--error">{notice.text}</p> : null;

  const save = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const o: Office = await call('office.update', { letterhead: form });
      office.setData(o);
      setForm(null);
      useStore.getState().setOffice(o);
      setNotice({ ok: true, text: ui.settings.saved });
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const text = (key: 'deputyTitle' | 'signatoryName' | 'signatoryTitle', hint?: string) => (
    <TextSetting
      id={`lh-${key}`}
      label={letterSettingsUi[key]}
      hint={hint}
      error={errors[`letterhead.${key}`]}
      editable={editable}
      value={form[key]}
      onChange={(v) => setForm({ ...form, [key]: v })}
    />
  );
  return (
    <SettingsForm
      id="letterhead"
      title={letterSettingsUi.letterhead}
      editable={editable}
      busy={busy}
      notice={notice}
      onSave={() => void save()}
    >
      <div className="grid2">
        {text('deputyTitle', letterSettingsUi.deputyTitleHint)}
        {text('signatoryName', letterSettingsUi.signatoryNameHint)}
        {text('signatoryTitle')}
        <Field id="lh-font" label={letterSettingsUi.font}>
          {(a) => (
            <select
              id="lh-font"
              {...a}
              disabled={!editable}
              value={form.font}
              onChange={(e) => setForm({ ...form, font: e.target.value as Letterhead['font'] })}
            >
              {DOC_FONTS.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="lh-size" label={letterSettingsUi.fontSize} error={errors['letterhead.fontSize']}>
          {(a) => (
            <input
              id="lh-size"
              {...a}
              type="number"
              min={10}
              max={16}
              readOnly={!editable}
              value={form.fontSize}
              onChange={(e) => setForm({ ...form, fontSize: Number(e.target.value) })}
            />
          )}
        </Field>
      </div>
    </SettingsForm>
  );
}

function TemplateSettings({ editable }: { editable: boolean }) {
  const listed = useCall('templates.list', {});
  const templates: Template[] | null = listed.data ?? null;
  const [kind, setKind] = useState<LetterKind>('reply');
  // The body as edited for a kind; until then, the kind's body as last read.
  const [edited, setEdited] = useState<{ kind: LetterKind; body: string } | null>(null);
  const body = edited?.kind === kind ? edited.body : (templates?.find((x) => x.kind === kind)?.body ?? '');
  const setBody = (next: string): void => setEdited({ kind, body: next });
  // The last preview stays until the next one comes; a failed one is not worth a word.
  const previewed = useCall('templates.preview', { kind, body }, { enabled: templates !== null });
  const preview = previewed.data
    ? {
        text: previewed.data.text,
        problems: previewed.data.problems.map((x) =>
          x.kind === 'unknown'
            ? documents.problems.unknownField(x.field)
            : documents.problems.unclosed(x.field),
        ),
      }
    : null;
  const [saved, setNotice] = useState<Notice>(null);
  const notice = saved ?? (listed.error ? { ok: false, text: errorText(listed.error) } : null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  if (!templates) return notice ? <p className="banner banner--error">{notice.text}</p> : null;
  const current = templates.find((x) => x.kind === kind)!;

  const choose = (k: LetterKind): void => {
    setKind(k);
    setEdited(null);
    setNotice(null);
  };
  const insert = (f: string): void => {
    const el = area.current;
    const at = el ? el.selectionStart : body.length;
    const token = `{{${f}}}`;
    setBody(body.slice(0, at) + token + body.slice(el ? el.selectionEnd : at));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const save = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const stored = await call('templates.save', { kind, body });
      listed.setData(templates.map((x) => (x.kind === kind ? stored : x)));
      setNotice({ ok: true, text: letterSettingsUi.templateSaved });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsForm
      id="templates"
      title={letterSettingsUi.templates}
      editable={editable}
      busy={busy}
      notice={notice}
      onSave={() => void save()}
      saveLabel={letterSettingsUi.saveTemplate}
    >
      <Field
        id="tpl-kind"
        label={letterSettingsUi.kind}
        hint={current.custom ? letterSettingsUi.custom : letterSettingsUi.shipped}
      >
        {(a) => (
          <select id="tpl-kind" {...a} value={kind} onChange={(e) => choose(e.target.value as LetterKind)}>
            {templates.map((x) => (
              <option key={x.kind} value={x.kind}>
                {letterKindLabels[x.kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="tpl-body" label={letterSettingsUi.body}>
        {(a) => (
          <textarea
            id="tpl-body"
            ref={area}
            {...a}
            rows={8}
            readOnly={!editable}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <div className="tpl-fields" aria-label={letterSettingsUi.fields}>
        <span className="muted">{letterSettingsUi.fields}:</span>{' '}
        {current.fields.map((f) => (
          <button
            key={f}
            type="button"
            className="btn btn--ghost btn--small"
            title={letterFieldLabels[f as LetterField]}
            disabled={!editable}
            onClick={() => insert(f)}
          >
            {`{{${f}}}`}
          </button>
        ))}
      </div>
      {preview?.problems.length ? (
        <ul className="banner banner--warning" data-testid="tpl-problems">
          <li>{letterSettingsUi.problems}</li>
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <h3>{letterSettingsUi.preview}</h3>
      <div className="tpl-preview" data-testid="tpl-preview">
        {preview?.text.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
    </SettingsForm>
  );
}

/** Settings → the letterhead and the letter bodies, with a preview on sample data. */
export function LetterSettings({ editable }: { editable: boolean }) {
  return (
    <>
      <LetterheadSettings editable={editable} />
      <TemplateSettings editable={editable} />
    </>
  );
}

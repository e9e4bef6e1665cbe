import { webReceptionText as T } from '../../../shared/i18n/ru/web-reception';
import type { ApplicationKind, FormErrors, Place } from './form';
import { placeLabel, placeValue } from './form';
import type { FormContext } from './service';
import type { WebSettings } from './settings';
import { acceptOf, megabytes, typesLabel } from './uploads';
import type { ApplicationStatus } from './status';

/**
 * The reception's pages: plain HTML forms that work without JavaScript, one stylesheet, every value
 * escaped. Field names are the form's; the prefix is where HQ mounts the reception (`/reception`).
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const e = escapeHtml;

/** `2026-12-07` as 07.12.2026. */
function ruDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export const RECEPTION_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2733;background:#f4f6f8}
main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 3rem;background:#fff;min-height:100vh}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
p.intro{color:#45525f;font-size:.95rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
.hint{display:block;font-weight:400;color:#5a6673;font-size:.875rem}
input[type=file]{display:block;width:100%;padding:.5rem 0;font:inherit}
input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;padding:.6rem .7rem;font:inherit;border:1px solid #8a96a3;border-radius:6px;background:#fff}
textarea{min-height:12rem;resize:vertical}
input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #2f6fd6;outline-offset:1px}
.consent{display:flex;gap:.6rem;align-items:flex-start;font-weight:400;margin-top:1.25rem}
.consent input{margin-top:.3rem;width:1.2rem;height:1.2rem;flex:none}
.consent small{display:block;color:#45525f}
button{margin-top:1.5rem;padding:.75rem 1.5rem;font:inherit;font-weight:600;color:#fff;background:#1f5fbf;border:0;border-radius:6px;cursor:pointer;width:100%}
@media(min-width:40rem){button{width:auto}}
.error{color:#b00020;font-size:.9rem;margin:.25rem 0 0}
[aria-invalid=true]{border-color:#b00020;border-width:2px}
.box{padding:1rem;border-radius:6px;background:#eef3fb;border:1px solid #c9d7ee}
.box.bad{background:#fdeff1;border-color:#f0c2ca}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.code{font-size:1.5rem;letter-spacing:.3em;max-width:12rem}
`;

function page(title: string, body: string, prefix: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(title)}</title>
<link rel="stylesheet" href="${e(prefix)}/style.css">
</head>
<body><main>
${body}
</main></body>
</html>`;
}

interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel';
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  maxLength: number;
}

function field(f: FieldSpec, values: Record<string, string>, errors: Record<string, string>): string {
  const err = errors[f.name];
  const described = [f.hint ? `${f.name}-hint` : '', err ? `${f.name}-error` : ''].filter(Boolean).join(' ');
  return `<label for="${f.name}">${e(f.label)}${f.required ? ` <span aria-hidden="true">*</span>` : ''}${
    f.hint ? `<span class="hint" id="${f.name}-hint">${e(f.hint)}</span>` : ''
  }</label>
<input id="${f.name}" name="${f.name}" type="${f.type ?? 'text'}" maxlength="${f.maxLength}" value="${e(
    values[f.name] ?? '',
  )}"${f.required ? ' required aria-required="true"' : ''}${f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ''}${
    err ? ' aria-invalid="true"' : ''
  }${described ? ` aria-describedby="${described}"` : ''}>
${err ? `<p class="error" id="${f.name}-error">${e(err)}</p>` : ''}`;
}

/** The file input of the appeal form, with its limits said beside it (none when the settings allow no file). */
function filesField(s: WebSettings, err: string | undefined, again: boolean): string {
  if (s.maxFiles === 0 || s.fileTypes.length === 0) return '';
  const hint = T.hints.files(
    s.maxFiles,
    megabytes(s.maxFileBytes),
    megabytes(s.maxTotalBytes),
    typesLabel(s.fileTypes),
  );
  return `<label for="attachments">${e(T.fields.files)}<span class="hint" id="attachments-hint">${e(hint)}</span></label>
<input id="attachments" name="attachments" type="file" multiple accept="${e(acceptOf(s.fileTypes))}" aria-describedby="attachments-hint${
    err ? ' attachments-error' : ''
  }"${err ? ' aria-invalid="true"' : ''}>
${err ? `<p class="error" id="attachments-error">${e(err)}</p>` : ''}${
    again ? `<p class="hint">${e(T.hints.filesAgain)}</p>` : ''
  }`;
}

export function formPage(
  kind: ApplicationKind,
  ctx: FormContext,
  prefix: string,
  values: Record<string, string> = {},
  errors: FormErrors = { fields: {} },
): string {
  const er = errors.fields;
  const appeal = kind === 'appeal';
  const action = `${prefix}/${appeal ? 'appeal' : 'volunteer'}`;
  const general = er.form ? `<div class="box bad" role="alert">${e(er.form)}</div>` : '';
  const summary =
    Object.keys(er).length > 0 && !er.form
      ? `<div class="box bad" role="alert"><strong>${e(T.errorsTitle)}</strong></div>`
      : '';
  const places = (list: Place[]) =>
    list.length === 0
      ? ''
      : `<label for="place">${e(T.fields.place)} <span aria-hidden="true">*</span></label>
<select id="place" name="place" required${er.place ? ' aria-invalid="true" aria-describedby="place-error"' : ''}>
<option value="">${e(T.placeAny)}</option>
${list
  .map((p) => {
    const v = placeValue(p);
    return `<option value="${e(v)}"${values.place === v ? ' selected' : ''}>${e(placeLabel(p))}</option>`;
  })
  .join('\n')}
</select>
${er.place ? `<p class="error" id="place-error">${e(er.place)}</p>` : ''}`;
  const textLabel = appeal ? T.fields.text : T.fields.volunteerText;
  return page(
    appeal ? T.title : T.volunteerTitle,
    `<h1>${e(appeal ? T.title : T.volunteerTitle)}</h1>
<p class="intro">${e(appeal ? T.intro : T.volunteerIntro)}</p>
${general}${summary}
<form method="post" action="${e(action)}" accept-charset="utf-8" enctype="multipart/form-data" novalidate>
<input type="hidden" name="started" value="${e(ctx.stamp)}">
${values.source ? `<input type="hidden" name="source" value="${e(values.source)}">` : ''}
<div class="trap" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
${field({ name: 'surname', label: T.fields.surname, required: true, autocomplete: 'family-name', maxLength: 100 }, values, er)}
${field({ name: 'first_name', label: T.fields.firstName, required: true, autocomplete: 'given-name', maxLength: 100 }, values, er)}
${field({ name: 'patronymic', label: T.fields.patronymic, autocomplete: 'additional-name', maxLength: 100 }, values, er)}
${field({ name: 'email', label: T.fields.email, type: 'email', autocomplete: 'email', maxLength: 254, hint: appeal ? T.hints.contact : undefined }, values, er)}
${appeal ? field({ name: 'postal_address', label: T.fields.postalAddress, autocomplete: 'street-address', maxLength: 500 }, values, er) : ''}
${field({ name: 'phone', label: T.fields.phone, type: 'tel', autocomplete: 'tel', maxLength: 40 }, values, er)}
${places(ctx.places)}
<label for="text">${e(textLabel)}${appeal ? ' <span aria-hidden="true">*</span>' : ''}<span class="hint" id="text-hint">${e(
      T.hints.textLimit(ctx.settings.maxTextChars),
    )}</span></label>
<textarea id="text" name="text" maxlength="${ctx.settings.maxTextChars}"${appeal ? ' required' : ''} aria-describedby="text-hint${
      er.text ? ' text-error' : ''
    }"${er.text ? ' aria-invalid="true"' : ''}>${e(values.text ?? '')}</textarea>
${er.text ? `<p class="error" id="text-error">${e(er.text)}</p>` : ''}
${appeal ? filesField(ctx.settings, er.attachments, Object.keys(er).length > 0) : ''}
<label class="consent"><input type="checkbox" name="consent" value="yes"${values.consent === 'yes' ? ' checked' : ''}${
      er.consent ? ' aria-invalid="true"' : ''
    }><span>${e(T.fields.consent)}<small>${e(ctx.settings.consentText)}</small></span></label>
${er.consent ? `<p class="error">${e(er.consent)}</p>` : ''}
<button type="submit">${e(T.submit)}</button>
</form>`,
    prefix,
  );
}

export function codePage(
  prefix: string,
  applicationId: string,
  sent: string,
  minutes: number,
  error?: string,
): string {
  return page(
    T.title,
    `<h1>${e(T.fields.code)}</h1>
<p class="box">${e(sent)}</p>
${error ? `<div class="box bad" role="alert">${e(error)}</div>` : ''}
<form method="post" action="${e(prefix)}/confirm" accept-charset="utf-8">
<input type="hidden" name="application" value="${e(applicationId)}">
<label for="code">${e(T.fields.code)}<span class="hint">${e(T.hints.code(minutes))}</span></label>
<input id="code" name="code" class="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required autofocus${
      error ? ' aria-invalid="true"' : ''
    }>
<button type="submit">${e(T.confirm)}</button>
</form>`,
    prefix,
  );
}

export function confirmedPage(prefix: string, kind: ApplicationKind, statusLink: string): string {
  return page(
    T.confirmedTitle,
    `<h1>${e(T.confirmedTitle)}</h1>
<p class="box">${e(kind === 'appeal' ? T.confirmed : T.volunteerConfirmed)}</p>
${kind === 'appeal' ? `<p><a href="${e(statusLink)}" id="status-link">${e(statusLink)}</a></p>` : ''}`,
    prefix,
  );
}

export function messagePage(prefix: string, message: string, back?: string): string {
  return page(
    T.title,
    `<h1>${e(T.title)}</h1>
<div class="box bad" role="alert">${e(message)}</div>
${back ? `<p><a href="${e(back)}">${e(T.back)}</a></p>` : ''}`,
    prefix,
  );
}

export function statusText(s: ApplicationStatus): string {
  const t = T.status;
  switch (s.kind) {
    case 'unknown':
      return t.unknown;
    case 'throttled':
      return T.errors.tooMany;
    case 'pending':
      return t.pending;
    case 'received':
      return t.received(ruDate(s.on));
    case 'rejected':
      return t.rejected;
    case 'volunteer':
      return t.volunteer(ruDate(s.on));
    case 'registered': {
      const lines = [t.registered(s.number, ruDate(s.on), ruDate(s.term))];
      if (s.forwardedOn) lines.push(t.forwarded(ruDate(s.forwardedOn)));
      if (s.answeredOn) lines.push(t.answered(ruDate(s.answeredOn)));
      return lines.join(' ');
    }
  }
}

export function statusPage(prefix: string, s: ApplicationStatus): string {
  return page(
    T.statusTitle,
    `<h1>${e(T.statusTitle)}</h1>
<p class="box${s.kind === 'unknown' || s.kind === 'throttled' ? ' bad' : ''}" id="status">${e(statusText(s))}</p>`,
    prefix,
  );
}

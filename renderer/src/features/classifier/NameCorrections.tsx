import { useState } from 'react';
import type { NameCorrection } from '../../../../shared/api/classifier';
import { classifierText } from '../../../../shared/i18n/ru/classifier';
import { editionText } from '../../../../shared/i18n/ru/classifier-editions';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText, formatInstant } from '../../i18n';
import { useStore } from '../../store';
import { useTopicNames } from './names';
import { TopicPicker } from './TopicPicker';

const t = editionText.names;

/** The office's own names: pick an entry, write its name; the list of corrections with «back to official». */
export function NameCorrections({ corrections }: { corrections: readonly NameCorrection[] }) {
  const timeZone = useStore((s) => s.office?.timeZone);
  const [code, setCode] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const named = useTopicNames(code ? [code] : []);
  const current = code ? named.get(code) : undefined;
  const correction = corrections.find((c) => c.code === code);

  const pick = (codes: string[]): void => {
    setCode(codes[0] ?? null);
    setName('');
    setNotice(null);
  };

  const save = async (target: string, value: string | null): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      await call('classifier.rename', { code: target, name: value });
      setName('');
      setNotice({ ok: true, text: t.saved });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const shownName = name || current?.name || '';
  return (
    <section className="edition__names" aria-labelledby="classifier-names-title">
      <h3 id="classifier-names-title">{t.title}</h3>
      <p className="muted">{t.intro}</p>
      <form
        className="edition__rename"
        onSubmit={(e) => {
          e.preventDefault();
          if (code) void save(code, shownName.trim() === '' ? null : shownName);
        }}
      >
        <Field id="rename-code" label={t.codeLabel}>
          {(a) => (
            <TopicPicker
              id="rename-code"
              value={code ? [code] : []}
              onChange={pick}
              scope="any"
              max={1}
              placeholder={classifierText.filterPlaceholder}
              a11y={a}
            />
          )}
        </Field>
        {code && current?.name === null ? <p className="banner banner--error">{t.notFound}</p> : null}
        {code && current?.name ? (
          <>
            {correction ? (
              <p className="muted">
                {t.official}: {correction.official}
              </p>
            ) : null}
            <Field id="rename-name" label={t.nameLabel}>
              {(a) => (
                <input
                  id="rename-name"
                  value={shownName}
                  maxLength={500}
                  onChange={(e) => setName(e.target.value)}
                  {...a}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {t.save}
              </button>
            </div>
          </>
        ) : null}
      </form>
      <div className="live" aria-live="polite">
        {notice ? (
          <p className={`banner ${notice.ok ? 'banner--success' : 'banner--error'}`}>{notice.text}</p>
        ) : null}
      </div>
      {corrections.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <table className="table edition__corrections">
          <thead>
            <tr>
              <th>{t.codeLabel}</th>
              <th>{t.nameLabel}</th>
              <th>{t.official}</th>
              <th>{t.setAt}</th>
              <th aria-label={t.reset} />
            </tr>
          </thead>
          <tbody>
            {corrections.map((c) => (
              <tr key={c.code} data-code={c.code}>
                <td>{c.code}</td>
                <td>
                  {c.name}
                  {c.withdrawn ? <span className="topic__note"> ({classifierText.withdrawn})</span> : null}
                </td>
                <td>{c.official}</td>
                <td>{formatInstant(c.setAt, timeZone)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={busy}
                    onClick={() => void save(c.code, null)}
                  >
                    {t.reset}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

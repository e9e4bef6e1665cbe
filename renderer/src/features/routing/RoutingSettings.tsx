import { useRef, useState, type KeyboardEvent } from 'react';
import type { RoutingRule } from '../../../../shared/api/routing';
import { routingUi as t } from '../../../../shared/i18n/ru/routing';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { errorText, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { useTopicNames } from '../classifier/names';
import { RuleEditor } from './RuleEditor';
import './routing.css';

/** A rule's conditions as one line: the question's name, the channel, kind, district, settlement. */
function conditionsText(r: RoutingRule, topicName: string | null | undefined): string {
  const w = r.when;
  return [
    w.topic ? `${w.topic}${topicName ? ` ${topicName}` : ''}` : null,
    w.channel ? labels.channelLabels[w.channel] : null,
    w.kind ? labels.kindLabels[w.kind] : null,
    w.district ? `${t.district}: ${w.district}` : null,
    w.settlement ? `${t.settlement}: ${w.settlement}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Settings → Распределение обращений: the office's routing rules in the order they are tried. Office
 * heads and administrators add, edit, delete and reorder them (buttons, or Alt+↑/↓ on a row); a rule
 * whose responsible was deactivated is flagged, since registration passes it over.
 */
export function RoutingSettings() {
  const role = useStore((s) => s.user?.role);
  const editable = mayCall(role, 'routing.create');
  const listed = useCall('routing.list', {});
  const rules = listed.data ?? [];
  const names = useTopicNames(rules.flatMap((r) => (r.when.topic ? [r.when.topic] : [])));
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());

  const change = (p: Promise<RoutingRule[]>, focusId?: string): void => {
    setError(null);
    p.then(
      (list) => {
        listed.setData(list);
        if (focusId) requestAnimationFrame(() => rows.current.get(focusId)?.focus());
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  const move = (r: RoutingRule, by: number): void => {
    const position = r.position + by;
    if (position < 0 || position >= rules.length) return;
    change(call('routing.move', { id: r.id, position }), r.id);
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, r: RoutingRule): void => {
    if (!editable || e.target !== e.currentTarget || !e.altKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(r, e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  return (
    <section className="panel routing" aria-labelledby="routing-title" id="routing">
      <h2 id="routing-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {listed.error ? <p className="banner banner--error">{errorText(listed.error)}</p> : null}
      {!listed.data && !listed.error ? <p className="muted">{ui.loading}</p> : null}
      {listed.data && rules.length === 0 ? <p className="muted">{t.empty}</p> : null}
      {rules.length > 0 ? (
        <table className="table routing__table">
          <thead>
            <tr>
              <th>{t.position}</th>
              <th>{t.name}</th>
              <th>{t.conditions}</th>
              <th>{t.effect}</th>
              {editable ? <th>{t.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr
                key={r.id}
                ref={(el) => {
                  if (el) rows.current.set(r.id, el);
                  else rows.current.delete(r.id);
                }}
                tabIndex={0}
                aria-label={t.rowLabel(i + 1, r.name)}
                title={editable ? t.moveHint : undefined}
                className={r.inactiveResponsible ? 'routing__row--flagged' : undefined}
                data-testid="routing-rule"
                onKeyDown={(e) => onRowKey(e, r)}
              >
                <td>{i + 1}</td>
                <td>{r.name}</td>
                <td>{conditionsText(r, r.when.topic ? names.get(r.when.topic)?.name : undefined)}</td>
                <td>
                  {r.responsibleName ? <div>{r.responsibleName}</div> : null}
                  {r.toDeputy ? <div className="muted">{t.toDeputyShort}</div> : null}
                  {r.inactiveResponsible ? (
                    <div className="routing__flag" role="status" data-testid="routing-inactive">
                      ⚠ {t.inactive}
                    </div>
                  ) : null}
                </td>
                {editable ? (
                  <td>
                    <div className="routing__actions">
                      {deleting === r.id ? (
                        <>
                          <span>{t.deleteConfirm(r.name)}</span>
                          <button
                            type="button"
                            className="btn btn--small routing__delete"
                            onClick={() => {
                              setDeleting(null);
                              change(call('routing.delete', { id: r.id }));
                            }}
                          >
                            {t.yes}
                          </button>
                          <button
                            type="button"
                            className="btn btn--small btn--ghost"
                            onClick={() => setDeleting(null)}
                          >
                            {t.no}
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="btn btn--small btn--ghost"
                            aria-label={`${t.up}: ${r.name}`}
                            disabled={i === 0}
                            onClick={() => move(r, -1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="btn btn--small btn--ghost"
                            aria-label={`${t.down}: ${r.name}`}
                            disabled={i === rules.length - 1}
                            onClick={() => move(r, 1)}
                          >
                            ↓
                          </button>
                          <button type="button" className="btn btn--small" onClick={() => setEditing(r)}>
                            {t.edit}
                          </button>
                          <button
                            type="button"
                            className="btn btn--small btn--ghost"
                            onClick={() => setDeleting(r.id)}
                          >
                            {t.delete}
                          </button>
                        </>
                      )}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="live" aria-live="polite">
        {error ? <p className="banner banner--error">{error}</p> : null}
      </div>
      {editing ? (
        <RuleEditor
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          onSaved={(list) => {
            listed.setData(list);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : editable ? (
        <div className="actions">
          <button type="button" id="routing-add" className="btn" onClick={() => setEditing('new')}>
            {t.add}
          </button>
        </div>
      ) : null}
    </section>
  );
}

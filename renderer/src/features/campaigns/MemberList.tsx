import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Campaign, CampaignMember } from '../../../../shared/api/campaigns';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Kbd } from '../../components/Field';
import { rowAfterKey } from '../../components/KeyTable';
import { formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import { campaignError, t } from './text';

const PAGE = 200;

/** Which way a key moves the selected contact along the funnel, if it does. */
export function stepOf(e: Pick<KeyboardEvent, 'code' | 'key' | 'altKey' | 'ctrlKey'>) {
  if (e.ctrlKey) return null;
  // By the key's place, not its letter: on the Russian layout ] and [ type ъ and х.
  if ((e.code === 'BracketRight' && !e.altKey) || (e.altKey && e.key === 'ArrowRight')) return 'next';
  if ((e.code === 'BracketLeft' && !e.altKey) || (e.altKey && e.key === 'ArrowLeft')) return 'previous';
  return null;
}

function History(props: { member: CampaignMember }) {
  const timeZone = useStore((s) => s.office?.timeZone);
  const moves = useCall('campaigns.history', { memberId: props.member.id });
  return (
    <section className="campaign-history" aria-label={`${t.history}: ${props.member.fullName}`}>
      <h3>
        {t.history}: {props.member.fullName}
      </h3>
      {moves.data?.length === 0 ? <p className="muted">{t.noHistory}</p> : null}
      <ol data-testid="campaign-history">
        {moves.data?.map((m) => (
          <li key={m.id}>
            <time dateTime={m.at}>{formatInstant(m.at, timeZone)}</time>{' '}
            {m.fromStage ? `${m.fromStage} → ${m.toStage}` : `${t.taken}: ${m.toStage}`}
            {m.userName ? <span className="muted"> · {m.userName}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * A campaign's contacts by stage. ↑/↓ choose a contact; ] or Alt+→ moves it to the next stage, [ or
 * Alt+← to the previous, a digit to the stage of that number; Enter shows its moves. The selection follows the contact it moved, so pressing
 * ] again moves it on; with one stage shown, a contact moved away leaves the next one selected.
 */
export function MemberList(props: { campaign: Campaign }) {
  const { campaign } = props;
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  const mayMove = mayCall(role, 'campaigns.move');
  const [stageId, setStageId] = useState('');
  const [offset, setOffset] = useState(0);
  // The contact chosen, and where it stood: when it leaves the list shown, the row now there is chosen.
  const [selected, setSelected] = useState<{ id: string | null; at: number }>({ id: null, at: 0 });
  const [history, setHistory] = useState<CampaignMember | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const listed = useCall('campaigns.members', {
    campaignId: campaign.id,
    stageId: stageId || undefined,
    offset,
    limit: PAGE,
  });
  const rows = listed.data?.rows ?? [];
  const total = listed.data?.total ?? 0;
  const stageName = new Map(campaign.stages.map((s) => [s.id, s.name]));

  const found = rows.findIndex((r) => r.id === selected.id);
  const index = found >= 0 ? found : Math.min(selected.at, Math.max(0, rows.length - 1));
  const current = rows[index] ?? null;

  useEffect(() => {
    if (current) document.getElementById(`member-row-${current.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  async function move(m: CampaignMember, to: { step: 'next' | 'previous' } | { stageId: string }) {
    setNotice(null);
    try {
      const moved = await call('campaigns.move', { memberId: m.id, ...to });
      setSelected({ id: moved.id, at: index });
      setNotice({ ok: true, text: t.moved(moved.fullName, stageName.get(moved.stageId) ?? '') });
    } catch (e) {
      setNotice({ ok: false, text: campaignError(e) });
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    const step = stepOf(e);
    if (step) {
      e.preventDefault();
      if (current && mayMove) void move(current, { step });
      return;
    }
    const stage =
      /^Digit[1-9]$/.test(e.code) && !e.altKey && !e.ctrlKey && campaign.stages[Number(e.code[5]) - 1];
    if (stage) {
      e.preventDefault();
      if (current && mayMove && stage.id !== current.stageId) void move(current, { stageId: stage.id });
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const at = rowAfterKey(e.key, index, rows.length);
    if (at !== undefined) {
      e.preventDefault();
      setSelected({ id: rows[at]?.id ?? null, at });
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      setHistory(history?.id === current.id ? null : current);
    }
  };

  const chooseStage = (id: string): void => {
    setStageId(id);
    setOffset(0);
    setSelected({ id: null, at: 0 });
  };

  return (
    <section className="panel campaign-members" aria-labelledby="campaign-members-title">
      <div className="campaign-members__head">
        <h2 id="campaign-members-title">{t.membersTitle}</h2>
        <label className="campaign-members__filter">
          {t.stageFilter}{' '}
          <select value={stageId} onChange={(e) => chooseStage(e.target.value)}>
            <option value="">{t.allStages}</option>
            {campaign.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {t.atStage(s.name, s.count)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="campaign-keys" aria-label={t.keysTitle}>
        <span>
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t.keys.select}
        </span>
        {mayMove ? (
          <>
            <span>
              <Kbd>]</Kbd> <Kbd>Alt+→</Kbd> {t.keys.next}
            </span>
            <span>
              <Kbd>[</Kbd> <Kbd>Alt+←</Kbd> {t.keys.previous}
            </span>
            <span>
              <Kbd>{`1…${Math.min(9, campaign.stages.length)}`}</Kbd> {t.keys.toStage}
            </span>
          </>
        ) : null}
        <span>
          <Kbd>Enter</Kbd> {t.keys.history}
        </span>
      </div>
      <p className="live" role="status" aria-live="polite" data-testid="campaign-notice">
        {notice ? <span className={notice.ok ? 'campaign-ok' : 'campaign-error'}>{notice.text}</span> : null}
      </p>
      {listed.error ? <p className="banner banner--error">{campaignError(listed.error)}</p> : null}
      {listed.data && total === 0 ? <p className="muted">{t.noMembers}</p> : null}
      {rows.length > 0 ? (
        <div className="campaign-members__scroll">
          <table
            ref={table}
            className="keytable"
            role="grid"
            aria-label={t.listLabel}
            aria-rowcount={total + 1}
            aria-activedescendant={current ? `member-row-${current.id}` : undefined}
            aria-keyshortcuts="] [ Alt+ArrowRight Alt+ArrowLeft 1 2 3 4 5 6 7 8 9"
            tabIndex={0}
            onKeyDown={onKeyDown}
            data-testid="campaign-members"
          >
            <thead>
              <tr>
                {Object.values(t.columns).map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((m, i) => (
                <tr
                  key={m.id}
                  id={`member-row-${m.id}`}
                  aria-selected={m.id === current?.id}
                  onClick={() => {
                    setSelected({ id: m.id, at: i });
                    table.current?.focus();
                  }}
                  onDoubleClick={() => setHistory(m)}
                >
                  <td>{m.fullName}</td>
                  <td className="num">{m.phones.join(', ')}</td>
                  <td>{m.address}</td>
                  <td data-testid="member-stage">{stageName.get(m.stageId)}</td>
                  <td className="num">{formatInstant(m.movedAt, timeZone)}</td>
                  <td>{m.movedByName ?? ui.none}</td>
                  <td className="num">{m.openTasks || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > PAGE ? (
        <div className="actions">
          <span className="muted">{t.shown(offset + 1, offset + rows.length, total)}</span>
          <button
            type="button"
            className="btn btn--small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t.pagePrevious}
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t.pageNext}
          </button>
        </div>
      ) : null}
      {history ? <History key={history.id} member={history} /> : null}
    </section>
  );
}

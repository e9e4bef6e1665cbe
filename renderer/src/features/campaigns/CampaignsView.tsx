import { useState } from 'react';
import type { Campaign } from '../../../../shared/api/campaigns';
import { campaignKindLabels } from '../../../../shared/i18n/ru/campaigns';
import { mayCall } from '../../api/access';
import { useCall } from '../../api/use-call';
import { formatDate, ui } from '../../i18n';
import { useStore } from '../../store';
import { AddContacts } from './AddContacts';
import { CampaignForm } from './CampaignForm';
import { FieldTasks } from './FieldTasks';
import { Figures } from './Figures';
import { MemberList } from './MemberList';
import { campaignError, t } from './text';
import '../../components/dialog.css';
import './campaigns.css';

const datesOf = (c: Campaign): string =>
  t.dates(c.startsOn && formatDate(c.startsOn), c.endsOn && formatDate(c.endsOn));

/** The funnel as a strip: each stage with the contacts at it now. */
function Funnel(props: { campaign: Campaign }) {
  return (
    <ol className="funnel" aria-label={t.stages} data-testid="funnel">
      {props.campaign.stages.map((s, i) => (
        <li key={s.id} className="funnel__stage">
          <span className="funnel__name">
            <span className="funnel__number">{i + 1}</span> {s.name}
          </span>
          <span className="funnel__count" data-testid="funnel-count">
            {s.count}
          </span>
        </li>
      ))}
    </ol>
  );
}

function CampaignPage(props: { campaign: Campaign; onEdit(): void }) {
  const c = props.campaign;
  const role = useStore((s) => s.user?.role);
  return (
    <div className="campaign" data-testid="campaign">
      <header className="campaign__head">
        <div>
          <h2 className="campaign__name">{c.name}</h2>
          <div className="muted">
            {campaignKindLabels[c.kind]} · {datesOf(c)} · {t.members(c.members)}
          </div>
          {c.description ? <p className="campaign__description">{c.description}</p> : null}
        </div>
        {mayCall(role, 'campaigns.update') ? (
          <button type="button" className="btn btn--small" onClick={props.onEdit}>
            {t.edit}
          </button>
        ) : null}
      </header>
      <Funnel campaign={c} />
      <MemberList key={c.id} campaign={c} />
      <Figures campaign={c} />
      <div className="campaign__panels">
        {mayCall(role, 'campaigns.addContacts') ? <AddContacts key={c.id} campaign={c} /> : null}
        {mayCall(role, 'campaigns.createTasks') ? <FieldTasks key={c.id} campaign={c} /> : null}
      </div>
    </div>
  );
}

/**
 * Кампании: the office's campaigns (a signature collection, a meeting, a survey), each a funnel of stages
 * named by the office, its contacts moved along it from the keyboard, the field team's tasks by stage, and
 * the figures on screen and in XLSX.
 */
export function CampaignsView() {
  const role = useStore((s) => s.user?.role);
  const listed = useCall('campaigns.list', {});
  const campaigns = listed.data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const current = campaigns.find((c) => c.id === chosen) ?? campaigns[0] ?? null;

  return (
    <section className="page campaigns">
      <header className="page__head">
        <h1 className="page__title">{t.title}</h1>
        {mayCall(role, 'campaigns.create') ? (
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t.create}
          </button>
        ) : null}
      </header>
      {listed.error ? <p className="banner banner--error">{campaignError(listed.error)}</p> : null}
      {!listed.data && !listed.error ? <p className="muted">{ui.loading}</p> : null}
      {listed.data && campaigns.length === 0 ? <p className="empty">{t.empty}</p> : null}
      {campaigns.length > 0 ? (
        <div className="campaigns__body">
          <nav className="campaigns__list" aria-label={t.list}>
            <ul>
              {campaigns.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="campaigns__item"
                    aria-current={c.id === current?.id ? 'true' : undefined}
                    onClick={() => setChosen(c.id)}
                  >
                    <span className="campaigns__item-name">{c.name}</span>
                    <span className="muted">
                      {campaignKindLabels[c.kind]} · {t.members(c.members)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {current ? <CampaignPage campaign={current} onEdit={() => setEditing(current)} /> : null}
        </div>
      ) : null}
      {editing ? (
        <CampaignForm
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setChosen(c.id);
          }}
        />
      ) : null}
    </section>
  );
}

import type { ReactNode } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import { formatDate, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { eventsUi } from '../../../../shared/i18n/ru/events';
import { useTopicNames } from '../classifier/names';
import { TopicList } from '../classifier/TopicList';
import { fieldLabel, formatValue } from './format';

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`dl__item${wide ? ' dl__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children === null || children === '' ? ui.none : children}</dd>
    </div>
  );
}

/** The card's fields for reading; the same names as the edit form and the history. */
export function CardDetails({ card }: { card: AppealCard }) {
  const users = useStore((s) => s.users);
  const go = useStore((s) => s.go);
  const c = card;
  const topicNames = useTopicNames(c.topics);
  const a = c.applicant;
  const v = (field: string, value: unknown): string => formatValue(field, value, users);
  const flags = [
    c.isRepeat ? labels.fieldLabels.isRepeat : null,
    c.isCollective
      ? `${labels.fieldLabels.isCollective} (${ui.register.signatories.toLowerCase()}: ${c.signatories})`
      : null,
    c.isAnonymous ? labels.fieldLabels.isAnonymous : null,
    c.onControl ? labels.fieldLabels.onControl : null,
  ].filter(Boolean);

  return (
    <div className="card-sections">
      <section className="panel" aria-labelledby="card-applicant">
        <h2 id="card-applicant">{ui.card.applicant}</h2>
        <dl className="dl">
          <Item label={ui.setup.fullName} wide>
            <strong>{a.fullName || ui.none}</strong>
          </Item>
          <Item label={ui.card.phones}>{a.phones.join(', ')}</Item>
          <Item label={fieldLabel('applicant.email')}>{a.email}</Item>
          <Item label={fieldLabel('applicant.address')} wide>
            {a.address}
          </Item>
          {a.socialCategory ? <Item label={ui.card.socialCategory}>{a.socialCategory}</Item> : null}
        </dl>
      </section>

      <section className="panel" aria-labelledby="card-content">
        <h2 id="card-content">{ui.card.content}</h2>
        <dl className="dl">
          <Item label={fieldLabel('summary')} wide>
            {c.summary}
          </Item>
          <Item label={fieldLabel('topics')} wide>
            <TopicList codes={c.topics} names={topicNames} />
          </Item>
          <Item label={fieldLabel('text')} wide>
            {c.text ? <div className="prose">{c.text}</div> : null}
          </Item>
        </dl>
      </section>

      <section className="panel" aria-labelledby="card-registration">
        <h2 id="card-registration">{ui.card.registration}</h2>
        <dl className="dl">
          <Item label={fieldLabel('registeredOn')}>{formatDate(c.registeredOn)}</Item>
          <Item label={fieldLabel('receivedOn')}>{formatDate(c.receivedOn)}</Item>
          <Item label={fieldLabel('channel')}>{labels.channelLabels[c.channel]}</Item>
          <Item label={fieldLabel('kind')}>{labels.kindLabels[c.kind]}</Item>
          <Item label={fieldLabel('sheets')}>{String(c.sheets)}</Item>
          <Item label={fieldLabel('attachmentsNote')}>{c.attachmentsNote}</Item>
          <Item label={ui.register.flags} wide>
            {flags.join(', ')}
          </Item>
          {c.forwardedFrom ? (
            <Item label={fieldLabel('forwardedFrom')} wide>
              {v('forwardedFrom', c.forwardedFrom)}
            </Item>
          ) : null}
        </dl>
      </section>

      <section className="panel" aria-labelledby="card-execution">
        <h2 id="card-execution">{ui.card.execution}</h2>
        <dl className="dl">
          <Item label={fieldLabel('status')}>{labels.statusLabels[c.status]}</Item>
          <Item label={fieldLabel('responsibleId')}>{c.responsibleName}</Item>
          <Item label={fieldLabel('executorId')}>{c.executorId ? v('executorId', c.executorId) : null}</Item>
          <Item label={fieldLabel('onControl')}>{c.onControl ? ui.yes : ui.no}</Item>
          <Item label={fieldLabel('caseFile')}>{c.caseFile}</Item>
          {c.event ? (
            <Item label={eventsUi.takenAt}>
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => go({ view: 'event', id: c.event!.id })}
              >
                {c.event.title}
              </button>
            </Item>
          ) : null}
          <Item label={fieldLabel('result')}>{c.result ? labels.resultLabels[c.result] : null}</Item>
          {c.closedOn ? <Item label={ui.card.closedOn}>{formatDate(c.closedOn)}</Item> : null}
        </dl>
      </section>
    </div>
  );
}

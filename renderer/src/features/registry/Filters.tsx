import { APPEAL_KINDS, APPEAL_STATUSES, CHANNELS } from '../../../../shared/api/appeals';
import { DateInput } from '../../components/DateInput';
import { Check, Field } from '../../components/Field';
import { homeText, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import type { RegistryFilter } from './slice';
import { UserSelect } from '../../components/UserSelect';
import { OfficesSelect } from '../../components/OfficesSelect';
import { classifierText } from '../../../../shared/i18n/ru/classifier';
import { registrationTermUi } from '../../../../shared/i18n/ru/registration-term';
import { TopicPicker } from '../classifier/TopicPicker';

/** Server errors name `filter.<key>`; each belongs under its input. */
const errorOf = (errors: Record<string, string>, key: keyof RegistryFilter): string | undefined =>
  errors[`filter.${key}`];

export function Filters() {
  const f = useStore((s) => s.filter);
  const users = useStore((s) => s.users);
  const errors = useStore((s) => s.filterErrors);
  const { setFilter } = useStore.getState();
  const r = ui.registry;

  const date = (key: 'receivedFrom' | 'receivedTo' | 'dueFrom' | 'dueTo', label: string) => (
    <Field id={`flt-${key}`} label={label} error={errorOf(errors, key)} className="field--date">
      {(a) => (
        <DateInput
          id={`flt-${key}`}
          {...a}
          value={f[key]}
          // A half-typed date filters nothing yet.
          onChange={(v) => setFilter({ [key]: v ?? '' })}
        />
      )}
    </Field>
  );

  return (
    <div className="filters" role="search">
      <Field
        id="registry-search"
        label={r.searchLabel}
        error={errorOf(errors, 'q')}
        className="filters__search"
      >
        {(a) => (
          <input
            id="registry-search"
            {...a}
            type="search"
            placeholder={r.searchPlaceholder}
            aria-keyshortcuts="/ Control+F"
            value={f.q}
            onChange={(e) => setFilter({ q: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                document.getElementById('registry-grid')?.focus();
              } else if (e.key === 'Escape' && f.q) {
                e.preventDefault();
                setFilter({ q: '' });
              }
            }}
          />
        )}
      </Field>
      <OfficesSelect
        id="flt-offices"
        value={f.officeIds}
        error={errorOf(errors, 'officeIds')}
        onChange={(officeIds) => setFilter({ officeIds })}
      />
      <Field id="flt-status" label={r.status}>
        {(a) => (
          <select
            id="flt-status"
            {...a}
            value={f.status}
            onChange={(e) => setFilter({ status: e.target.value as RegistryFilter['status'] })}
          >
            <option value="">{ui.any}</option>
            {APPEAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.statusLabels[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="flt-responsible" label={r.responsible}>
        {(a) => (
          <UserSelect
            id="flt-responsible"
            {...a}
            users={users}
            anyone={ui.any}
            value={f.responsibleId}
            onChange={(responsibleId) => setFilter({ responsibleId })}
          />
        )}
      </Field>
      <Field id="flt-channel" label={r.channel}>
        {(a) => (
          <select
            id="flt-channel"
            {...a}
            value={f.channel}
            onChange={(e) => setFilter({ channel: e.target.value as RegistryFilter['channel'] })}
          >
            <option value="">{ui.any}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {labels.channelLabels[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="flt-kind" label={r.kind}>
        {(a) => (
          <select
            id="flt-kind"
            {...a}
            value={f.kind}
            onChange={(e) => setFilter({ kind: e.target.value as RegistryFilter['kind'] })}
          >
            <option value="">{ui.any}</option>
            {APPEAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {labels.kindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="flt-topic" label={r.topic} error={errorOf(errors, 'topic')}>
        {(a) => (
          <TopicPicker
            id="flt-topic"
            a11y={a}
            scope="any"
            max={1}
            placeholder={classifierText.filterPlaceholder}
            value={f.topic ? [f.topic] : []}
            onChange={(codes) => setFilter({ topic: codes[0] ?? '' })}
          />
        )}
      </Field>
      {date('receivedFrom', r.receivedFrom)}
      {date('receivedTo', r.receivedTo)}
      {date('dueFrom', r.dueFrom)}
      {date('dueTo', r.dueTo)}
      <div className="filters__overdue">
        <Check
          id="flt-overdue"
          label={r.overdueOnly}
          checked={f.overdue}
          onChange={(v) => setFilter({ overdue: v })}
        />
        <span title={registrationTermUi.lateFilterHint}>
          <Check
            id="flt-registeredLate"
            label={registrationTermUi.lateFilter}
            checked={f.registeredLate}
            onChange={(v) => setFilter({ registeredLate: v })}
          />
        </span>
        <Check
          id="flt-open"
          label={homeText.filtered.openOnly}
          checked={f.open}
          onChange={(v) => setFilter({ open: v })}
        />
        {f.unassigned ? (
          <Check
            id="flt-unassigned"
            label={homeText.filtered.unassigned}
            checked={f.unassigned}
            onChange={(v) => setFilter({ unassigned: v })}
          />
        ) : null}
      </div>
    </div>
  );
}

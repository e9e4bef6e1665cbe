import { assignmentsUi as t } from '../../../../shared/i18n/ru/assignments';
import { useStore } from '../../store';

/** The office's active people as checkboxes (Space ticks one), with the hint or the error under them. */
export function PeoplePicker(props: {
  id: string;
  value: readonly string[];
  error?: string | undefined;
  onChange(ids: string[]): void;
}) {
  const me = useStore((s) => s.user?.id);
  const users = useStore((s) => s.users).filter((u) => u.active && u.role !== 'hq_analyst');
  const { id, value, error } = props;
  return (
    <fieldset className="assignment-people" aria-describedby={`${id}-hint`}>
      <legend>{t.assignees}</legend>
      <div className="assignment-people__list">
        {users.map((u) => (
          <label key={u.id} className="check">
            <input
              type="checkbox"
              name={id}
              value={u.id}
              checked={value.includes(u.id)}
              onChange={(e) =>
                props.onChange(e.target.checked ? [...value, u.id] : value.filter((x) => x !== u.id))
              }
            />
            {u.fullName}
            {u.id === me ? ` ${t.me}` : ''}
          </label>
        ))}
      </div>
      <div
        id={`${id}-hint`}
        className={error ? 'field__error' : 'field__hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? t.assigneesHint}
      </div>
    </fieldset>
  );
}

import { useState } from 'react';
import { ROLES, type Role } from '../../../../shared/api/define';
import type { UserInfo } from '../../../../shared/api/office';
import { call, isCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { PasswordDialog } from './PasswordDialog';
import { UserActions, type UpdateUser } from './UserActions';

const EMPTY = { login: '', fullName: '', role: 'assistant' as Role, password: '' };

type Notice = { ok: boolean; text: string };

/**
 * The staff list. `editable`: may add users (admin, office head); `manageable`: may change a user's role,
 * access and password (admin only, as the contract says).
 */
export function UsersSettings({ editable, manageable }: { editable: boolean; manageable: boolean }) {
  const users = useStore((s) => s.users);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [rowNotice, setRowNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [passwordFor, setPasswordFor] = useState<UserInfo | null>(null);
  const s = ui.settings;

  const update: UpdateUser = async (input, success) => {
    setPending(input.id);
    setRowNotice(null);
    try {
      const user = await call('users.update', input);
      await useStore.getState().loadUsers();
      setRowNotice({ ok: true, text: success(user) });
    } catch (e) {
      setRowNotice({ ok: false, text: errorText(e) });
    } finally {
      setPending(null);
    }
  };

  async function create(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const user = await call('users.create', form);
      await useStore.getState().loadUsers();
      setForm(EMPTY);
      setNotice({ ok: true, text: s.userCreated(user.fullName) });
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const input = (key: 'login' | 'fullName' | 'password', label: string) => (
    <Field id={`user-${key}`} label={label} error={errors[key]}>
      {(a) => (
        <input
          id={`user-${key}`}
          {...a}
          type={key === 'password' ? 'password' : 'text'}
          autoComplete={key === 'password' ? 'new-password' : 'off'}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">{s.users}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{s.usersName}</th>
            <th scope="col">{s.usersLogin}</th>
            <th scope="col">{s.usersRole}</th>
            <th scope="col">{s.usersActive}</th>
            {manageable ? <th scope="col">{s.userActions.column}</th> : null}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'table__row--inactive'}>
              <td id={`user-${u.id}-name`}>{u.fullName}</td>
              <td>{u.login}</td>
              <td>{labels.roleLabels[u.role]}</td>
              <td>{u.active ? ui.yes : ui.no}</td>
              {manageable ? (
                <td>
                  {/* Keyed by the role, so the picker starts again from the saved role after a change. */}
                  <UserActions
                    key={u.role}
                    user={u}
                    busy={pending === u.id}
                    onUpdate={update}
                    onResetPassword={() => {
                      setRowNotice(null);
                      setPasswordFor(u);
                    }}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="live" aria-live="polite">
        {rowNotice ? (
          <p className={`banner banner--${rowNotice.ok ? 'success' : 'error'}`}>{rowNotice.text}</p>
        ) : null}
      </div>
      {passwordFor ? (
        <PasswordDialog
          user={passwordFor}
          onClose={() => setPasswordFor(null)}
          onDone={(text) => setRowNotice({ ok: true, text })}
        />
      ) : null}
      {editable ? (
        <form
          className="user-form"
          aria-labelledby="new-user-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <h3 id="new-user-title">{s.newUser}</h3>
          <div className="grid4">
            {input('login', s.usersLogin)}
            {input('fullName', s.usersName)}
            <Field id="user-role" label={s.usersRole} error={errors.role}>
              {(a) => (
                <select
                  id="user-role"
                  {...a}
                  value={form.role}
                  onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {labels.roleLabels[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {input('password', s.password)}
          </div>
          <div className="live" aria-live="polite">
            {notice ? (
              <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {s.createUser}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

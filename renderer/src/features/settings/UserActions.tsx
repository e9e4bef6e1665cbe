import { useState } from 'react';
import { ROLES, type Role } from '../../../../shared/api/define';
import type { Input } from '../../../../shared/api/index';
import type { UserInfo } from '../../../../shared/api/office';
import { labels, ui } from '../../i18n';

export type UpdateUser = (input: Input<'users.update'>, success: (user: UserInfo) => string) => Promise<void>;

/**
 * An administrator's controls on one user row: the role (applied with its own button, so stepping through the
 * list with the arrows changes nothing), access on or off, and a new password.
 */
export function UserActions(props: {
  user: UserInfo;
  busy: boolean;
  onUpdate: UpdateUser;
  onResetPassword(): void;
}) {
  const { user, busy, onUpdate } = props;
  const a = ui.settings.userActions;
  const [role, setRole] = useState<Role>(user.role);
  return (
    <div className="user-actions">
      <select
        className="user-actions__role"
        // Named by the user's name; the column header says it is the role.
        aria-labelledby={`user-${user.id}-name`}
        value={role}
        disabled={busy}
        onChange={(e) => setRole(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {labels.roleLabels[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--small"
        disabled={busy || role === user.role}
        onClick={() =>
          void onUpdate({ id: user.id, role }, (u) => a.roleChanged(u.fullName, labels.roleLabels[u.role]))
        }
      >
        {a.applyRole}
      </button>
      <button
        type="button"
        className="btn btn--small"
        disabled={busy}
        onClick={() =>
          void onUpdate({ id: user.id, active: !user.active }, (u) =>
            u.active ? a.activated(u.fullName) : a.deactivated(u.fullName),
          )
        }
      >
        {user.active ? a.deactivate : a.activate}
      </button>
      <button type="button" className="btn btn--small" disabled={busy} onClick={props.onResetPassword}>
        {a.resetPassword}
      </button>
    </div>
  );
}

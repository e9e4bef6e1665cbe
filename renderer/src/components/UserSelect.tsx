import type { SelectHTMLAttributes } from 'react';
import type { UserInfo } from '../../../shared/api/office';

/** A choice of a person of the office, with a first option for «anyone» (value ''). */
export function UserSelect({
  users,
  anyone,
  value,
  onChange,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  id: string;
  users: readonly UserInfo[];
  anyone: string;
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{anyone}</option>
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.fullName}
        </option>
      ))}
    </select>
  );
}

import {
  contract,
  mayCall as roleAllows,
  READ_ONLY_WRITES,
  type MethodName,
  type Role,
} from '../../../shared/api/index';

/** Set at start from `setup.status`: HQ's analyst view, where the server refuses every write. */
let readOnly = false;

export function setReadOnly(value: boolean): void {
  readOnly = value;
}

/**
 * The UI hides what the server would refuse: the contract's rule for the role (shared/api) and, in HQ's
 * read-only view, every write but signing in and out.
 */
export function mayCall(role: Role | undefined, name: MethodName): boolean {
  if (readOnly && contract[name].kind === 'write' && !READ_ONLY_WRITES.has(name)) return false;
  return roleAllows(role, name);
}

/** The role's right alone, in the read-only view too: what a person may see that goes with a right to change. */
export function roleMayCall(role: Role | undefined, name: MethodName): boolean {
  return roleAllows(role, name);
}

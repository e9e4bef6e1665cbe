import {
  contract,
  mayCall as roleMayCall,
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
  return roleMayCall(role, name);
}

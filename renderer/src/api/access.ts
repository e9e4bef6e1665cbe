import type { Role } from '../../../shared/api/define';
import { contract, type MethodName } from '../../../shared/api/index';

/**
 * Whether the contract lets this role call a method: the UI hides what the server would refuse. The server
 * still checks; this only spares the user a button that cannot work.
 */
export function mayCall(role: Role | undefined, method: MethodName): boolean {
  const access = contract[method].access;
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'signed_in' || access.includes(role);
}

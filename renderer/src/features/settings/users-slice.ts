import type { Output } from '../../../../shared/api/index';
import type { UserInfo } from '../../../../shared/api/office';
import { call } from '../../api/client';
import type { SliceCreator } from '../../store';

/**
 * The office's staff: the responsible-person pickers and the names in the card's history read it. With
 * them, the offices the database holds: more than one only in HQ's analyst view, where lists get a picker.
 */
export interface UsersSlice {
  users: UserInfo[];
  offices: Output<'offices.list'>;
  loadUsers(): Promise<void>;
}

export const createUsersSlice: SliceCreator<UsersSlice> = (set) => ({
  users: [],
  offices: [],
  async loadUsers() {
    const [users, offices] = await Promise.all([
      call('users.list', { includeInactive: true }),
      call('offices.list', {}),
    ]);
    set({ users, offices });
  },
});

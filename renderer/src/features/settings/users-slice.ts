import type { UserInfo } from '../../../../shared/api/office';
import { call } from '../../api/client';
import type { SliceCreator } from '../../store';

/** The office's staff: the responsible-person pickers and the names in the card's history read it. */
export interface UsersSlice {
  users: UserInfo[];
  loadUsers(): Promise<void>;
}

export const createUsersSlice: SliceCreator<UsersSlice> = (set) => ({
  users: [],
  async loadUsers() {
    set({ users: await call('users.list', { includeInactive: true }) });
  },
});

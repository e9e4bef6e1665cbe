/** One bound store built from the features' slices (zustand's slices pattern); views select small pieces. */
import { create, type StateCreator } from 'zustand';
import { createNavSlice, type NavSlice } from '../app/nav-slice';
import { createRegisterSlice, type RegisterSlice } from '../features/register/slice';
import { createRegistrySlice, type RegistrySlice } from '../features/registry/slice';
import { createSessionSlice, type SessionSlice } from '../features/session/slice';
import { createUsersSlice, type UsersSlice } from '../features/settings/users-slice';

export type StoreState = SessionSlice & NavSlice & UsersSlice & RegistrySlice & RegisterSlice;

export type SliceCreator<T> = StateCreator<StoreState, [], [], T>;

export const useStore = create<StoreState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createNavSlice(...a),
  ...createUsersSlice(...a),
  ...createRegistrySlice(...a),
  ...createRegisterSlice(...a),
}));

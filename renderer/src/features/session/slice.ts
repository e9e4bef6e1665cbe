import type { Output } from '../../../../shared/api/index';
import type { Office, UserInfo } from '../../../../shared/api/office';
import { setReadOnly } from '../../api/access';
import { call, hasSession, setSession, whenSessionLost } from '../../api/client';
import { errorText, ui } from '../../i18n';
import { startRoute } from '../../app/nav-slice';
import type { SliceCreator } from '../../store';

export type Phase = 'starting' | 'setup' | 'signIn' | 'ready' | 'failed';

export interface SessionSlice {
  phase: Phase;
  startError: string | null;
  user: UserInfo | null;
  office: Office | null;
  /** HQ's analyst view: everything is shown, nothing can be changed. */
  readOnly: boolean;
  /** What the sign-in screen says first (the office was just set up, the session ended). */
  signInNotice: string | null;
  signInLogin: string;
  start(): Promise<void>;
  setupDone(login: string): void;
  signedIn(result: Output<'auth.signIn'>): void;
  signOut(): Promise<void>;
  setOffice(office: Office): void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => {
  // After a lost session the same person signs in again and carries on where they were.
  let resume = false;
  whenSessionLost(() => {
    resume = true;
    if (get().phase === 'ready')
      set({
        phase: 'signIn',
        user: null,
        signInNotice: ui.signIn.sessionEnded,
        signInLogin: get().user?.login ?? '',
      });
  });

  return {
    phase: 'starting',
    startError: null,
    user: null,
    office: null,
    readOnly: false,
    signInNotice: null,
    signInLogin: '',

    async start() {
      set({ phase: 'starting', startError: null });
      try {
        const status = await call('setup.status', {});
        setReadOnly(status.readOnly);
        set({ readOnly: status.readOnly });
        if (!status.initialized) return set({ phase: 'setup' });
        if (hasSession()) {
          try {
            const me = await call('auth.me', {});
            set({ phase: 'ready', user: me.user, office: me.office });
            get().resetDraft(false);
            await get().loadUsers();
            return;
          } catch {
            setSession(null);
          }
        }
        set({ phase: 'signIn' });
      } catch (e) {
        set({ phase: 'failed', startError: errorText(e) });
      }
    },

    setupDone(login) {
      set({ phase: 'signIn', signInNotice: ui.setup.done, signInLogin: login });
    },

    signedIn(result) {
      setSession(result.token);
      set({ phase: 'ready', user: result.user, office: result.office, signInNotice: null });
      if (!resume) get().home(startRoute());
      resume = false;
      get().resetDraft(false);
      void get().loadUsers();
    },

    async signOut() {
      // The desk is locked at once whatever the server says; a session the server could not end
      // expires on its own, and this tab no longer holds its token.
      const ended = await call('auth.signOut', {}).then(
        () => null,
        (e: unknown) => errorText(e),
      );
      setSession(null);
      resume = false;
      const login = get().user?.login ?? '';
      set({ phase: 'signIn', user: null, signInNotice: ended, signInLogin: login });
      get().resetRegistry();
      get().resetDraft(false);
    },

    setOffice(office) {
      set({ office });
    },
  };
};

import { useEffect } from 'react';
import { ui } from '../i18n';
import { useStore } from '../store';
import { SetupScreen } from '../features/session/SetupScreen';
import { SignInScreen } from '../features/session/SignInScreen';
import { Shell } from './Shell';

/** What the app shows before the desk: first-run setup, sign-in, or a start-up failure. */
export function App() {
  const phase = useStore((s) => s.phase);
  const startError = useStore((s) => s.startError);

  useEffect(() => {
    void useStore.getState().start();
  }, []);

  switch (phase) {
    case 'starting':
      return (
        <div className="splash" role="status">
          {ui.loading}
        </div>
      );
    case 'failed':
      return (
        <div className="splash">
          <p role="alert">{startError}</p>
          <button type="button" className="btn" onClick={() => void useStore.getState().start()}>
            {ui.retry}
          </button>
        </div>
      );
    case 'setup':
      return <SetupScreen />;
    case 'signIn':
      return <SignInScreen />;
    case 'ready':
      return <Shell />;
    default: {
      const unknown: never = phase;
      throw new Error(`unknown phase ${String(unknown)}`);
    }
  }
}

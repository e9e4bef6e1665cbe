import { afterAll, beforeAll } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot';

/** One Dovecot for a test file: started before its tests, stopped after them. */
export function dovecotForFile(opts: { tls?: boolean } = {}): { readonly server: Dovecot } {
  let server: Dovecot | null = null;
  beforeAll(async () => {
    server = await startDovecot(opts);
  }, 60_000);
  afterAll(async () => server?.stop());
  return {
    get server(): Dovecot {
      if (!server) throw new Error('Dovecot has not started');
      return server;
    },
  };
}

import { startSmtpListener, type SmtpListener } from '../integration/smtp-listener';
import { test } from './fixtures';

/** A loopback SMTP listener for each test of the file that calls this; `current()` is the test's own. */
export function smtpListenerPerTest(): { current(): SmtpListener } {
  let listener: SmtpListener | null = null;
  test.beforeEach(async () => {
    listener = await startSmtpListener();
  });
  test.afterEach(async () => {
    await listener?.close();
    listener = null;
  });
  return { current: () => listener! };
}

import { mailCli } from '../../../shared/i18n/ru/mail-outbox';
import { cliText } from '../../../shared/i18n/ru/cli';
import { openOffice } from '../../boot/open-office';
import type { Mailing } from '../../../shared/api/mailings';
import { mailingRow, toMailing } from '../../mail/mailings/queries';
import { runMailing } from '../../mail/mailings/sender';
import { deliverDue } from '../../mail/outbox/deliver';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandArgs } from './common';

function open(dbFile: string, io: CommandArgs['io']) {
  return openOffice(dbFile, {
    log: (message, error) => io.err(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
}

/** `mail-send`: one pass of the outbox now — every queued message whose attempt is due. */
export async function mailSendCommand({ args, dbFile, io }: CommandArgs): Promise<number> {
  if (args.length > 0) throw new UsageError(cliText.extraArgs(args));
  const office = open(dbFile, io);
  try {
    const r = await deliverDue(office.api.systemContext());
    io.out(mailCli.outboxPass(r.sent, r.failed));
    return r.failed > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    office.close();
  }
}

/**
 * `mailing-run <id>`: sends a started mailing here and now, with its progress, until it is done. Ctrl+C
 * (or SIGTERM) stops it once the messages in flight are recorded; run again, it goes on where it stopped.
 */
export async function mailingRunCommand({ args, dbFile, io }: CommandArgs): Promise<number> {
  const [id] = args;
  if (id === undefined) throw new UsageError(cliText.missingArg(mailCli.idArg));
  if (args.length > 1) throw new UsageError(cliText.extraArgs(args.slice(1)));
  const office = open(dbFile, io);
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const ctx = office.api.systemContext();
    const status = (): Mailing => toMailing(ctx.store.read, mailingRow(ctx.store.read, id));
    let before: Mailing;
    try {
      before = status();
    } catch (e) {
      io.err(cliText.failed(e instanceof Error ? e.message : String(e)));
      return EXIT_FAILED;
    }
    if (before.status !== 'running') {
      io.err(mailCli.notRunning(before.status));
      return EXIT_FAILED;
    }
    const sent = await runMailing(ctx, id, {
      signal: stop.signal,
      progress: (n) => {
        if (n % 100 === 0) io.out(mailCli.progress(n));
      },
    });
    const m = status();
    io.out(mailCli.report(sent, m.sent, m.total, m.pending, m.failed, m.withdrawn, m.bounced));
    if (m.lastError) io.err(m.lastError);
    return m.status === 'done' || stop.signal.aborted ? EXIT_OK : EXIT_FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    office.close();
  }
}

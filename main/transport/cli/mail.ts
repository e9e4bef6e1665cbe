import type { Input } from '../../../shared/api/index';
import { cliText } from '../../../shared/i18n/ru/cli';
import { UsageError, type CommandArgs } from './common';
import { callAndPrint } from './contacts';

/**
 * «Входящие» from the command line: `mail-fetch` (the mailboxes now), `mail-intake [--state …]` (the
 * list), `mail-register <id> ['<json of the appeal>']` (the registration the message proposes, or the
 * one given). Each goes through the API as the --user given; the value is printed as JSON.
 */
export function mailFetchCommand(a: CommandArgs): Promise<number> {
  if (a.args.length > 0) throw new UsageError(cliText.extraArgs(a.args));
  return callAndPrint(a, 'mail.fetchNow', {});
}

export function mailIntakeCommand(a: CommandArgs): Promise<number> {
  if (a.args.length > 0) throw new UsageError(cliText.extraArgs(a.args));
  // The contract checks the state's value and names the field when it is wrong.
  return callAndPrint(a, 'mail.intake', { state: a.values.state as Input<'mail.intake'>['state'] });
}

export function mailRegisterCommand(a: CommandArgs): Promise<number> {
  const [id, raw] = a.args;
  if (id === undefined) throw new UsageError(cliText.missingArg('<id>'));
  if (a.args.length > 2) throw new UsageError(cliText.extraArgs(a.args.slice(2)));
  let appeal: unknown = undefined;
  if (raw !== undefined)
    try {
      appeal = JSON.parse(raw);
    } catch (e) {
      throw new UsageError(
        cliText.badArgs(`appeal: not JSON (${e instanceof Error ? e.message : String(e)})`),
      );
    }
  return callAndPrint(a, 'mail.registerFromIntake', { id, appeal } as Input<'mail.registerFromIntake'>);
}

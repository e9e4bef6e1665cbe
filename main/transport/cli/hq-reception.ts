import type http from 'node:http';
import { webReceptionText as T } from '../../../shared/i18n/ru/web-reception';
import type { Clock } from '../../../shared/util/clock';
import { receptionStats } from '../../hq/reception/admin';
import { placeLabel } from '../../hq/reception/form';
import { smsRuSender, smtpCodeSender, type CodeSender } from '../../hq/reception/notify';
import { listRoutes, removeRoute, setRoute } from '../../hq/reception/routes';
import { WebReception } from '../../hq/reception/service';
import { changeWebSettings, readWebSettings } from '../../hq/reception/settings';
import type { Hq } from '../../hq/service';
import type { ReceptionHandlerOptions } from '../http/reception';

/**
 * `npm run hq` and the public web reception: what `serve` needs to mount it (from flags or the
 * environment), and the administrator's commands — the routing table, the settings, the deliveries.
 */

export interface ReceptionFlags {
  'reception-url'?: string;
  smtp?: string;
  'smtp-from'?: string;
  'sms-ru-key'?: string;
  'trust-proxy'?: boolean;
  office?: string;
  remove?: boolean;
}

/** Sweeps unconfirmed applications and delivers waiting ones this often while serving. */
const SWEEP_MS = 10 * 60_000;

/** The reception `serve` mounts, or null when no public address is given; with its sweep timer. */
export async function receptionForServe(
  hq: Hq,
  clock: Clock,
  flags: ReceptionFlags,
  env: NodeJS.ProcessEnv,
): Promise<{ options: ReceptionHandlerOptions; close(): void } | null> {
  const publicUrl = flags['reception-url'] ?? env.PRIEMNAYA_HQ_RECEPTION_URL;
  if (!publicUrl) return null;
  const smtp = flags.smtp ?? env.PRIEMNAYA_HQ_SMTP;
  const from = flags['smtp-from'] ?? env.PRIEMNAYA_HQ_SMTP_FROM;
  const smsKey = flags['sms-ru-key'] ?? env.PRIEMNAYA_HQ_SMS_RU_KEY;
  if (smtp && !from) throw new Error(T.cli.smtpFrom);
  const mail = smtp && from ? smtpCodeSender(smtp, from) : null;
  const sender: CodeSender = {
    ...(mail ? { email: mail.email } : {}),
    ...(smsKey ? { sms: smsRuSender(smsKey) } : {}),
  };
  if (!sender.email && !sender.sms) throw new Error(T.cli.noSender);
  const reception = await WebReception.open(hq, { clock, sender, publicUrl });
  const timer = setInterval(() => {
    reception.sweep().catch((e: unknown) => console.error(T.cli.sweepFailed, e));
  }, SWEEP_MS);
  timer.unref();
  // Behind a proxy HQ trusts, the client is the last address the proxy added.
  const clientIp =
    (flags['trust-proxy'] ?? env.PRIEMNAYA_HQ_TRUST_PROXY === '1')
      ? (req: http.IncomingMessage): string => {
          const chain = String(req.headers['x-forwarded-for'] ?? '').split(',');
          return chain[chain.length - 1]?.trim() || (req.socket.remoteAddress ?? '');
        }
      : undefined;
  return {
    options: { reception, ...(clientIp ? { clientIp } : {}) },
    close: () => {
      clearInterval(timer);
      mail?.close();
    },
  };
}

/** The reception's administration commands; null when `command` is not one of them. */
export async function receptionCommand(
  hq: Hq,
  clock: Clock,
  command: string,
  args: string[],
  flags: ReceptionFlags,
): Promise<number | null> {
  switch (command) {
    case 'web-routes': {
      for (const r of await listRoutes(hq.db))
        console.log(`${r.officeCode}\t${placeLabel(r) || T.cli.defaultRoute}`);
      return 0;
    }
    case 'web-route': {
      const [region = '', district = '', settlement = ''] = args;
      const place = { region, district, settlement };
      if (flags.remove) {
        console.log((await removeRoute(hq.db, place)) ? T.cli.routeRemoved : T.cli.noRoute);
        return 0;
      }
      if (!flags.office) throw new Error(T.cli.officeNeeded);
      await setRoute(hq.db, place, flags.office, clock.now());
      console.log(T.cli.routeSet(flags.office));
      return 0;
    }
    case 'web-settings': {
      const change = args[0];
      const settings = change
        ? await changeWebSettings(hq.db, JSON.parse(change))
        : await readWebSettings(hq.db);
      console.log(JSON.stringify(settings, null, 2));
      return 0;
    }
    case 'web-stats': {
      console.log(JSON.stringify(await receptionStats(hq.db), null, 2));
      return 0;
    }
    default:
      return null;
  }
}

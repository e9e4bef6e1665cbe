import { smtpCodeSender } from '../../main/hq/reception/notify';
import { WebReception } from '../../main/hq/reception/service';
import type { Hq } from '../../main/hq/service';
import type { Clock } from '../../shared/util/clock';
import { SMTP_PASS, SMTP_USER, type SmtpListener } from './smtp-listener';

/** HQ's web reception sending its codes through the SMTP listener on loopback (integration and e2e tests). */
export async function smtpReception(
  hq: Hq,
  smtp: SmtpListener,
  clock: Clock,
): Promise<{ reception: WebReception; close(): void }> {
  const sender = smtpCodeSender(
    `smtp://${encodeURIComponent(SMTP_USER)}:${SMTP_PASS}@127.0.0.1:${smtp.port}`,
    'reception@hq.test',
  );
  const reception = await WebReception.open(hq, {
    clock,
    sender: { email: sender.email },
    publicUrl: 'https://deputat.example/reception',
  });
  return { reception, close: () => sender.close() };
}

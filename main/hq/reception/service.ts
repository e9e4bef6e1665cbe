import { createHmac } from 'node:crypto';
import type { Clock } from '../../../shared/util/clock';
import { newId } from '../../../shared/util/ids';
import { webReceptionText as T } from '../../../shared/i18n/ru/web-reception';
import type { Hq } from '../service';
import { deliver, deliverWaiting, type ApplicationPayload } from './deliver';
import { readApplication, type ApplicationKind, type FormErrors, type Place } from './form';
import {
  codeHash,
  codeMatches,
  formAge,
  formStamp,
  newCode,
  receptionSecret,
  sweepThrottles,
  tokenHash,
  withinLimit,
  withinLimits,
} from './guard';
import type { CodeSender } from './notify';
import { receptionConfig } from './config';
import { readWebSettings, type WebSettings } from './settings';
import { applicationStatus, type ApplicationStatus } from './status';
import type { HqWebApplicationTable } from './tables';
import { NO_UPLOADS, readUploads, type Uploads } from './uploads';

/**
 * The public web reception's work: a submitted form becomes a pending application with a one-time
 * code sent to the citizen; the right code confirms it and delivers it to its office; the status link
 * shows how far it got. Every refusal is a message for the citizen, and a refused post stores nothing
 * but the throttle's count.
 */

export interface ReceptionOptions {
  clock: Clock;
  sender: CodeSender;
  /** Where citizens reach the reception (`https://deputat.example/reception`), for the status link. */
  publicUrl: string;
}

/** A refusal: the HTTP status and the message the page shows. */
export interface Refusal {
  status: number;
  message: string;
}

export type SubmitOutcome =
  | { kind: 'invalid'; errors: FormErrors }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'code'; applicationId: string; channel: 'email' | 'sms'; to: string };

export type ConfirmOutcome =
  | { kind: 'confirmed'; statusLink: string; applicationKind: ApplicationKind }
  | { kind: 'refused'; refusal: Refusal; triesLeft?: number };

export interface FormContext {
  stamp: string;
  places: Place[];
  settings: WebSettings;
}

/** Shows an address half hidden: `iv***@mail.ru`, `+7 *** ***-45-67`. */
export function maskContact(channel: 'email' | 'sms', to: string): string {
  if (channel === 'sms') return `${to.slice(0, 2)} *** ***-${to.slice(-4, -2)}-${to.slice(-2)}`;
  const [user = '', domain = ''] = to.split('@');
  return `${user.slice(0, 2)}***@${domain}`;
}

export class WebReception {
  private constructor(
    readonly hq: Hq,
    private readonly opts: ReceptionOptions,
    private readonly secret: Buffer,
  ) {}

  static async open(hq: Hq, opts: ReceptionOptions): Promise<WebReception> {
    return new WebReception(hq, opts, await receptionSecret(hq.db));
  }

  private now(): Date {
    return this.opts.clock.now();
  }

  /** The status link's token: derived from the application's id with HQ's secret, stored only hashed. */
  private statusToken(applicationId: string): string {
    return createHmac('sha256', this.secret).update(`status:${applicationId}`).digest('base64url');
  }

  statusLink(applicationId: string, token = this.statusToken(applicationId)): string {
    return `${this.opts.publicUrl.replace(/\/+$/, '')}/status/${token}`;
  }

  async formContext(): Promise<FormContext> {
    const { settings, places } = await receptionConfig(this.hq.db);
    return { stamp: formStamp(this.secret, this.now()), places, settings };
  }

  async submit(
    kind: ApplicationKind,
    form: Record<string, string>,
    ip: string,
    uploads: Uploads = NO_UPLOADS,
  ): Promise<SubmitOutcome> {
    const db = this.hq.db;
    const now = this.now();
    const { settings, places } = await receptionConfig(db);
    const refuse = (status: number, message: string): SubmitOutcome => ({
      kind: 'refused',
      refusal: { status, message },
    });
    const age = formAge(this.secret, form.started ?? '', now);
    const early =
      (form.website ?? '') !== ''
        ? refuse(400, T.errors.bot)
        : age === null || age > settings.formHours * 3600
          ? refuse(400, T.errors.stale)
          : age < settings.minFillSeconds
            ? refuse(400, T.errors.tooFast)
            : null;
    const read = early ? null : readApplication(kind, form, places, settings);
    const contacts = read?.ok ? [read.fields.email, read.fields.phone].filter((c): c is string => !!c) : [];
    // Every post counts against its address, whatever else is wrong with it; a sound one against its
    // e-mail and phone too, in the same statement. The address's limit is answered first.
    const [ipOk, ...contactsOk] = await withinLimits(
      db,
      [
        { key: `submit-ip:${ip}`, limit: settings.perIpHour, windowMs: 3600_000 },
        ...contacts.map((c) => ({
          key: `submit-to:${c}`,
          limit: settings.perContactHour,
          windowMs: 3600_000,
        })),
      ],
      now,
    );
    if (!ipOk) return refuse(429, T.errors.tooMany);
    if (early) return early;
    const sent = uploads.files.length > 0 || uploads.problem !== null;
    const files =
      kind === 'volunteer' && sent
        ? ({ ok: false, error: T.errors.files.volunteer } as const)
        : readUploads(uploads, settings);
    if (!read!.ok || !files.ok) {
      const fields = { ...(read!.ok ? {} : read!.errors.fields) };
      if (!files.ok) fields.attachments = files.error;
      return { kind: 'invalid', errors: { fields } };
    }
    if (contactsOk.includes(false)) return refuse(429, T.errors.tooMany);
    const f = read!.fields;
    const channel =
      f.email && this.opts.sender.email ? 'email' : f.phone && this.opts.sender.sms ? 'sms' : null;
    if (!channel) return { kind: 'invalid', errors: { fields: { email: T.errors.noCodeChannel } } };
    const to = channel === 'email' ? f.email! : f.phone!;
    const id = newId(now.getTime());
    const code = newCode();
    const token = this.statusToken(id);
    const payload: ApplicationPayload = {
      ...f,
      consent_version: settings.consentVersion,
      consent_text: settings.consentText,
      ...(files.files.length > 0 ? { files: files.files.length } : {}),
    };
    const row: HqWebApplicationTable = {
      id,
      kind,
      status_token_hash: tokenHash(token),
      code_hash: codeHash(this.secret, id, code),
      code_channel: channel,
      code_expires_at: new Date(now.getTime() + settings.codeMinutes * 60_000).toISOString(),
      code_tries: 0,
      locked_at: null,
      email: f.email,
      phone: f.phone,
      client_ip: ip,
      payload: JSON.stringify(payload),
      created_at: now.toISOString(),
      confirmed_at: null,
      office_id: null,
      delivered_at: null,
      repeat_of: null,
    };
    // Without files one statement, as before files were accepted; with them, one transaction.
    if (files.files.length === 0) await db.insertInto('hq_web_applications').values(row).execute();
    else
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('hq_web_applications').values(row).execute();
        // One file a statement: a PostgreSQL statement's parameters are limited, and so is memory.
        for (const [seq, file] of files.files.entries())
          await trx
            .insertInto('hq_web_files')
            .values({
              application_id: id,
              seq,
              name: file.name,
              mime: file.mime,
              size: file.size,
              sha256: file.sha256,
              data: file.data,
            })
            .execute();
      });
    const message = { to, code, minutes: settings.codeMinutes, statusLink: this.statusLink(id, token) };
    try {
      await (channel === 'email' ? this.opts.sender.email! : this.opts.sender.sms!)(message);
    } catch {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('hq_web_files').where('application_id', '=', id).execute();
        await trx.deleteFrom('hq_web_applications').where('id', '=', id).execute();
      });
      return refuse(503, T.errors.sendFailed);
    }
    return { kind: 'code', applicationId: id, channel, to: maskContact(channel, to) };
  }

  async confirm(applicationId: string, code: string, ip: string): Promise<ConfirmOutcome> {
    const db = this.hq.db;
    const now = this.now();
    const { settings } = await receptionConfig(db);
    const refuse = (status: number, message: string, triesLeft?: number): ConfirmOutcome => ({
      kind: 'refused',
      refusal: { status, message },
      ...(triesLeft === undefined ? {} : { triesLeft }),
    });
    if (!(await withinLimit(db, `confirm-ip:${ip}`, settings.confirmsPerIp10min, 600_000, now)))
      return refuse(429, T.errors.tooMany);
    const app = await db
      .selectFrom('hq_web_applications')
      .selectAll()
      .where('id', '=', applicationId.slice(0, 40))
      .executeTakeFirst();
    if (!app || app.confirmed_at || !app.code_hash) return refuse(404, T.errors.notFound);
    if (app.locked_at || app.code_tries >= settings.codeTries) return refuse(403, T.errors.locked);
    if (app.code_expires_at < now.toISOString()) return refuse(410, T.errors.expired);
    const typed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(typed) || !codeMatches(this.secret, app.id, typed, app.code_hash)) {
      // One atomic step, so two processes checking codes at once both count.
      const r = await db
        .updateTable('hq_web_applications')
        .set((eb) => ({
          code_tries: eb('code_tries', '+', 1),
          locked_at: eb
            .case()
            .when('code_tries', '>=', settings.codeTries - 1)
            .then(now.toISOString())
            .else(eb.ref('locked_at'))
            .end(),
        }))
        .where('id', '=', app.id)
        .where('confirmed_at', 'is', null)
        .where('locked_at', 'is', null)
        .returning('code_tries')
        .executeTakeFirst();
      const left = settings.codeTries - Number(r?.code_tries ?? settings.codeTries);
      return left > 0 ? refuse(400, T.errors.badCode(left), left) : refuse(403, T.errors.locked, 0);
    }
    const confirmed = await db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('hq_web_applications')
        .set({ confirmed_at: now.toISOString(), code_hash: null })
        .where('id', '=', app.id)
        .where('confirmed_at', 'is', null)
        .where('locked_at', 'is', null)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      await deliver(
        this.hq,
        trx,
        { ...app, confirmed_at: now.toISOString(), code_hash: null },
        settings.repeatDays,
        now,
      );
      return true;
    });
    if (!confirmed) return refuse(404, T.errors.notFound);
    return { kind: 'confirmed', statusLink: this.statusLink(app.id), applicationKind: app.kind };
  }

  /** What the status link shows (looked up by the token's hash, rate-limited per address). */
  status(token: string, ip: string): Promise<ApplicationStatus> {
    return applicationStatus(this.hq.db, token, ip, this.now());
  }

  /**
   * Housekeeping, run on a timer by `hq serve`: unconfirmed applications older than the setting are
   * deleted, ended throttle windows forgotten, waiting applications delivered where they now can be.
   */
  async sweep(): Promise<{ swept: number; delivered: number }> {
    const db = this.hq.db;
    const now = this.now();
    const settings = await readWebSettings(db);
    const before = new Date(now.getTime() - settings.unconfirmedHours * 3600_000).toISOString();
    const r = await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('hq_web_files')
        .where('application_id', 'in', (eb) =>
          eb
            .selectFrom('hq_web_applications')
            .select('id')
            .where('confirmed_at', 'is', null)
            .where('created_at', '<', before),
        )
        .execute();
      return trx
        .deleteFrom('hq_web_applications')
        .where('confirmed_at', 'is', null)
        .where('created_at', '<', before)
        .executeTakeFirst();
    });
    await sweepThrottles(db, now);
    const delivered = await deliverWaiting(this.hq, settings.repeatDays, now);
    return { swept: Number(r.numDeletedRows), delivered };
  }
}

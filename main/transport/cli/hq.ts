import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HQ_HELP, hqText } from '../../../shared/i18n/ru/sync';
import { systemClock } from '../../../shared/util/clock';
import { isLoopbackHost } from '../../../shared/util/loopback';
import { HQ_DEFAULT_PORT, startHqServer } from '../http/hq';
import { Hq, HqError } from '../../hq/service';
import { openHqStore } from '../../hq/store';
import { HqView } from '../../hq/view';
import { ViewRunner } from '../../hq/view-runner';
import { hqStatus } from '../../hq/status';
import { defaultViewFile } from '../../hq/view-state';
import { RENDERER_DIR } from '../http/web';
import { webReceptionText } from '../../../shared/i18n/ru/web-reception';
import { receptionCommand, receptionForServe } from './hq-reception';

const VIEW_POLL_MS = 30_000;

/**
 * `npm run hq -- <command>`: the HQ server and its administration. Flags, or the environment for a
 * service manager: PRIEMNAYA_HQ_DB, PRIEMNAYA_HQ_PORT, PRIEMNAYA_HQ_HOST, PRIEMNAYA_HQ_TLS_KEY/CERT,
 * PRIEMNAYA_HQ_VIEW (the analyst view's SQLite file).
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'drift-limit': { type: 'string' },
      view: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'reception-url': { type: 'string' },
      smtp: { type: 'string' },
      'smtp-from': { type: 'string' },
      'sms-ru-key': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      office: { type: 'string' },
      remove: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(HQ_HELP);
    return values.help ? 0 : 1;
  }
  const env = process.env;
  const target = values.db ?? env.PRIEMNAYA_HQ_DB ?? 'hq.sqlite';
  const store = await openHqStore(target);
  const driftMinutes = Number(values['drift-limit'] ?? 5);
  const hq = await Hq.open(store, {
    clock: systemClock,
    maxDriftMs: driftMinutes * 60_000,
    log: (m) => console.error(m),
  });
  const viewFile = values.view ?? env.PRIEMNAYA_HQ_VIEW ?? defaultViewFile(target, hq.officeId);
  const need = (v: string | undefined, what: string): string => {
    if (!v) throw new Error(hqText.missing(what));
    return v;
  };
  try {
    switch (command) {
      case 'serve': {
        const keyFile = values['tls-key'] ?? env.PRIEMNAYA_HQ_TLS_KEY;
        const certFile = values['tls-cert'] ?? env.PRIEMNAYA_HQ_TLS_CERT;
        if (!keyFile !== !certFile) throw new Error(hqText.tlsPair);
        const host = values.host ?? env.PRIEMNAYA_HQ_HOST;
        // Told before the view is opened and caught up: a refusal must not wait for that.
        if (host && !keyFile && !isLoopbackHost(host)) throw new Error(hqText.tlsNeeded(host));
        // The analysts' API reads the view here; a worker thread merges HQ's changes into it, so a
        // large push never holds up HQ's answers. It catches up on start, after each push, on a timer.
        const view = await HqView.open(hq, viewFile, systemClock, { catchUp: false });
        console.log(hqText.view(viewFile, view.cursor));
        const runner = new ViewRunner({
          target,
          file: viewFile,
          onFailed: (m) => console.error(hqText.viewFailed, m),
        });
        const catchUp = (): void => runner.poke();
        // Bundles imported from the command line and other HQ processes (PostgreSQL) are read on a timer.
        const timer = setInterval(catchUp, VIEW_POLL_MS);
        timer.unref();
        const reception = await receptionForServe(hq, systemClock, values, env);
        const server = await startHqServer({
          ...(reception ? { reception: reception.options } : {}),
          afterPush: catchUp,
          viewApi: view.handle.api,
          staticDir: fs.existsSync(path.join(RENDERER_DIR, 'index.html')) ? RENDERER_DIR : null,
          hq,
          port: Number(values.port ?? env.PRIEMNAYA_HQ_PORT ?? HQ_DEFAULT_PORT),
          host,
          tls:
            keyFile && certFile
              ? { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }
              : undefined,
        });
        console.log(hqText.database(store.dialect === 'postgres' ? 'PostgreSQL' : target));
        console.log(hqText.listening(server.url));
        if (reception) console.log(webReceptionText.cli.listening(server.url));
        await new Promise<void>((resolve) => {
          const stop = (): void => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
        reception?.close();
        clearInterval(timer);
        await runner.close();
        view.close();
        return 0;
      }
      case 'add-user': {
        const login = need(args[0], 'логин');
        const role = values.role ?? 'hq_analyst';
        if (role !== 'hq_analyst' && role !== 'admin') throw new Error(hqText.userRole);
        // The password comes on standard input (its first line), never on the command line.
        const password = fs.readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
        await HqView.addUser(viewFile, systemClock, {
          login,
          role,
          password,
          fullName: values.name ?? login,
        });
        console.log(hqText.userAdded(login));
        return 0;
      }
      case 'status': {
        const s = await hqStatus(hq, viewFile);
        const t = hqText.status;
        console.log(t.database(store.dialect === 'postgres' ? 'PostgreSQL' : target, s.seq));
        console.log(t.offices(s.offices, s.nodes));
        if (!s.view.exists) console.log(t.viewMissing(viewFile));
        else console.log(t.view(viewFile, s.view.cursor, s.view.behind));
        if (s.viewOfAnotherHq) console.log(t.viewOther);
        if (s.view.error) console.log(t.viewError(s.view.errorAt, s.view.error));
        // A view that fails or belongs elsewhere is a problem a service manager's check should see.
        return s.view.error || s.viewOfAnotherHq ? 2 : 0;
      }
      case 'rebuild-view': {
        console.log(hqText.viewRebuilt(viewFile, await HqView.rebuild(hq, viewFile, systemClock)));
        return 0;
      }
      case 'revoke': {
        const node = need(args[0], 'узел компьютера');
        await hq.revokeNode(node).catch((e: unknown) => {
          throw e instanceof HqError && e.status === 404 ? new Error(hqText.noSuchNode(node)) : e;
        });
        console.log(hqText.revoked(node));
        return 0;
      }
      case 'enrol-code': {
        const office = need(args[0], 'код приёмной');
        console.log(hqText.enrolCode(await hq.createEnrolmentCode(office), office));
        return 0;
      }
      case 'import-bundle': {
        const input = need(args[0], 'файл приёмной');
        const output = need(args[1], 'файл ответа');
        if (fs.existsSync(output)) throw new Error(hqText.fileExists(output));
        fs.writeFileSync(output, await hq.importOfficeBundle(fs.readFileSync(input, 'utf8')), { flag: 'wx' });
        console.log(hqText.bundleWritten(output));
        return 0;
      }
      case 'publish': {
        const table = need(args[0], 'таблица');
        const row = JSON.parse(need(args[1], 'JSON записи')) as Record<string, string | number | null>;
        console.log(JSON.stringify(await hq.publish(table, row)));
        return 0;
      }
      default: {
        const done = await receptionCommand(hq, systemClock, command, args, values);
        if (done !== null) return done;
        console.error(hqText.unknownCommand(command));
        return 1;
      }
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);

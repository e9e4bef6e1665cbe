import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { Hq } from '../../main/hq/service';
import { openHqStore } from '../../main/hq/store';
import { HTTPS_NEEDED } from '../../main/sync/service';
import { startHqServer } from '../../main/transport/http/hq';
import { fixedClock } from '../../shared/util/clock';
import { isLoopbackHost } from '../../shared/util/loopback';
import { NOW, runTs, tempDir } from './helpers';
import { testOffice } from './office-fixture';

/** Sync's personal data and tokens never cross a network in plain text. */

describe('plain HTTP stays on this computer', () => {
  it('knows loopback from the network', () => {
    for (const h of ['127.0.0.1', '127.3.2.1', 'localhost', '::1', '[::1]', 'LOCALHOST'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '10.0.0.5', 'hq.example.ru', '::', '128.0.0.1', 'localhost.example.ru'])
      expect(isLoopbackHost(h)).toBe(false);
  });

  it('sync.enrol refuses http:// to another computer, naming the field, and changes nothing', async () => {
    const o = await testOffice();
    const before = await o.call('sync.status', {});
    for (const url of ['http://hq.example.ru:4790', 'http://10.0.0.5:4790', 'http://0.0.0.0:4790'])
      expect(await o.fail('sync.enrol', { url, code: 'ABCD-EFGH-JKLM-NPQR' })).toMatchObject({
        code: 'validation',
        field: 'url',
        message: `url: ${HTTPS_NEEDED}`,
      });
    expect(await o.call('sync.status', {})).toEqual(before);
    // Loopback is still let through to the enrolment (which fails here for want of an HQ, not of TLS).
    expect(
      await o.fail('sync.enrol', { url: 'http://127.0.0.1:9', code: 'ABCD-EFGH-JKLM-NPQR' }),
    ).toMatchObject({ code: 'invalid_state' });
  });

  it('`hq serve` refuses a network address without TLS and says how to give it a certificate', async () => {
    const tmp = tempDir('priemnaya-hq-');
    try {
      const r = await runTs('main/transport/cli/hq.ts', [
        'serve',
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--db',
        tmp.file('hq.sqlite'),
        '--view',
        tmp.file('view.sqlite'),
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/без TLS/);
      expect(r.stderr).toMatch(/--tls-key <файл> --tls-cert <файл>/);
      expect(fs.existsSync(tmp.file('view.sqlite'))).toBe(false);
    } finally {
      tmp.remove();
    }
  }, 60_000);

  it('HQ refuses to listen on the network without TLS; over TLS it sends HSTS', async () => {
    const tmp = tempDir('priemnaya-hq-');
    const store = await openHqStore(tmp.file('hq.sqlite'));
    try {
      const hq = await Hq.open(store, { clock: fixedClock(NOW) });
      await expect(startHqServer({ hq, port: 0, host: '0.0.0.0' })).rejects.toThrow(/--tls-cert/);
      const key = tmp.file('key.pem');
      const cert = tmp.file('cert.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const server = await startHqServer({
        hq,
        port: 0,
        host: '0.0.0.0',
        tls: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) },
      });
      try {
        const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
          const req = https.request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: '/sync/v1/pull',
              method: 'POST',
              rejectUnauthorized: false,
            },
            (res) => {
              res.resume();
              resolve(res.headers);
            },
          );
          req.on('error', reject);
          req.end('{}');
        });
        expect(headers['strict-transport-security']).toBe('max-age=31536000');
      } finally {
        await server.close();
      }
    } finally {
      await store.close();
      tmp.remove();
    }
  });
});

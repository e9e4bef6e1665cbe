import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { smsRuSender } from '../../main/hq/reception/notify';

/**
 * The SMS channel of the web reception against a listener on loopback that answers as SMS.ru's
 * documented API does (`POST /sms/send`, `json=1`): the request carries the key, the number without
 * «+» and the code; a refusal for the number is an error naming the provider's reason.
 */

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function provider(
  answer: (form: URLSearchParams) => unknown,
): Promise<{ url: string; got: URLSearchParams[] }> {
  const got: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      got.push(form);
      const text = JSON.stringify(
        req.url === '/sms/send' && req.method === 'POST' ? answer(form) : { status: 'ERROR' },
      );
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(text);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got };
}

const message = {
  to: '+79161234567',
  code: '042917',
  minutes: 15,
  statusLink: 'https://deputat.example/s/x',
};

describe('SMS.ru as the code channel', () => {
  it('sends the code to the number with the key, and says why the provider refused one', async () => {
    const ok = await provider((f) => ({
      status: 'OK',
      sms: { [f.get('to')!]: { status: 'OK', sms_id: '000000-10000000' } },
    }));
    await smsRuSender('key-123', ok.url)(message);
    expect(ok.got).toHaveLength(1);
    expect(Object.fromEntries(ok.got[0]!)).toEqual({
      api_id: 'key-123',
      to: '79161234567',
      msg: 'Код подтверждения обращения: 042917',
      json: '1',
    });
    const refused = await provider((f) => ({
      status: 'OK',
      sms: {
        [f.get('to')!]: {
          status: 'ERROR',
          status_code: 207,
          status_text: 'На этот номер нельзя отправлять сообщения',
        },
      },
    }));
    await expect(smsRuSender('key-123', refused.url)(message)).rejects.toThrow(
      'SMS.ru: На этот номер нельзя отправлять сообщения',
    );
    const badKey = await provider(() => ({
      status: 'ERROR',
      status_code: 200,
      status_text: 'Неправильный api_id',
    }));
    await expect(smsRuSender('wrong', badKey.url)(message)).rejects.toThrow('SMS.ru: Неправильный api_id');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHttpServer } from '../../main/transport/http/server';
import { appealInput } from './helpers';
import { enrolledOffice, joinedNode, startTestHq } from './sync-fixture';

const T0 = '2026-03-02T07:00:00Z';

describe('sync bundles in browser mode', () => {
  it('imports HQ’s answer to a week offline, larger than an ordinary request may be', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'ТВР', T0, 'admin-tver');
    await desk.sync.syncNow();
    const laptop = await joinedNode(hq, desk, T0);

    // The desk registers a week's appeals while the laptop is away with no connection.
    for (let day = 0; day < 5; day++) {
      await desk.value('appeals.registerBatch', {
        appeals: Array.from({ length: 300 }, () =>
          appealInput({ text: 'Подробное изложение обращения. '.repeat(20) }),
        ),
      });
    }
    expect((await desk.sync.syncNow()).error).toBeNull();
    const answer = await hq.hq.importOfficeBundle(laptop.sync.exportBundle());
    const body = JSON.stringify({ bundle: answer });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES);

    const server = await startHttpServer({ api: laptop.handle.api, staticDir: null, port: 0 });
    try {
      const res = await fetch(`${server.url}/api/sync.importBundle`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${server.token}`,
          'X-Session': laptop.token,
        },
        body,
      });
      const envelope = (await res.json()) as { ok: boolean; value?: { received: number } };
      expect(res.status).toBe(200);
      expect(envelope.ok).toBe(true);
      expect(envelope.value!.received).toBeGreaterThan(1500);
    } finally {
      await server.close();
    }
    const count = (n: typeof desk) =>
      n.handle.sqlite.prepare('SELECT count(*) AS n FROM appeals').get() as { n: number };
    expect(count(laptop)).toEqual({ n: 1500 });
    expect(count(laptop)).toEqual(count(desk));
  }, 120_000);
});

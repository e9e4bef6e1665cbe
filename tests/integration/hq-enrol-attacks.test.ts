import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ownNode } from '../../main/sync/desks';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { NOW, runTs } from './helpers';
import { enrolledOffice, startTestHq, type SyncNode, type TestHq } from './sync-fixture';

/**
 * Enrolment attacked over loopback as a stranger on the network would: node ids are public (version
 * stamps, bundle files), so a code must never hand over a node HQ already knows.
 */

async function rawEnrol(
  hq: TestHq,
  body: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${hq.url}/sync/v1/enrol`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

function freshKey(): string {
  return generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

async function officeOf(n: SyncNode): Promise<{ officeId: string; officeCode: string; officeName: string }> {
  const o = await n.value('office.get', {});
  return { officeId: o.id, officeCode: o.code, officeName: o.name };
}

describe('HQ enrolment refuses to hand over a known computer', () => {
  it('a code for office B with office A’s node id gets no token, and A keeps syncing', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'АТК', NOW);
    const b = await enrolledOffice(hq, 'БТК', NOW);
    const nodeA = ownNode(a.handle.store.read);
    const codeB = await hq.hq.createEnrolmentCode('БТК');
    const r = await rawEnrol(hq, {
      v: PROTOCOL_VERSION,
      code: codeB,
      ...(await officeOf(b)),
      node: nodeA,
      publicKey: freshKey(),
    });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).not.toContain('token":"');
    // Nothing changed at HQ: A's node is still A's, and A's real computer still syncs.
    expect((await hq.hq.nodeById(nodeA)).officeId).toBe((await officeOf(a)).officeId);
    expect((await a.sync.syncNow()).ok).toBe(true);
  });

  it('A’s own node id with a fresh code for A, but without its token, is refused', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'АТК', NOW);
    const r = await rawEnrol(hq, {
      v: PROTOCOL_VERSION,
      code: await hq.hq.createEnrolmentCode('АТК'),
      ...(await officeOf(a)),
      node: ownNode(a.handle.store.read),
      publicKey: freshKey(),
      token: 'not-the-token',
    });
    expect(r.status).toBe(409);
    expect((await a.sync.syncNow()).ok).toBe(true);
    // The computer itself, showing its current token, may renew its enrolment.
    await a.sync.enrol(hq.url, await hq.hq.createEnrolmentCode('АТК'));
    expect((await a.sync.syncNow()).ok).toBe(true);
  });

  it('a revoked computer is not enrolled again, by itself or by anyone with a fresh code', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'АТК', NOW);
    const nodeA = ownNode(a.handle.store.read);
    await hq.hq.revokeNode(nodeA);
    expect((await a.sync.syncNow()).ok).toBe(false);
    await expect(a.sync.enrol(hq.url, await hq.hq.createEnrolmentCode('АТК'))).rejects.toThrow(/revoked/);
    const r = await rawEnrol(hq, {
      v: PROTOCOL_VERSION,
      code: await hq.hq.createEnrolmentCode('АТК'),
      ...(await officeOf(a)),
      node: nodeA,
      publicKey: freshKey(),
    });
    expect(r.status).toBe(403);
    await expect(hq.hq.nodeById(nodeA)).rejects.toThrow(/not enrolled/);
  });

  it('`hq revoke` cuts a computer off for good; an unknown node is named as such', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'АТК', NOW);
    const nodeA = ownNode(a.handle.store.read);
    const unknown = await runTs('main/transport/cli/hq.ts', [
      'revoke',
      '0123456789abcdef',
      '--db',
      hq.target,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/штабу не известен/);
    const r = await runTs('main/transport/cli/hq.ts', ['revoke', nodeA, '--db', hq.target]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/отключён/);
    expect((await a.sync.syncNow()).ok).toBe(false);
    await expect(a.sync.enrol(hq.url, await hq.hq.createEnrolmentCode('АТК'))).rejects.toThrow(/revoked/);
  }, 60_000);

  it('reads no body before the token is checked, and a few kilobytes of an enrolment at most', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const { port } = new URL(hq.url);
    // A stranger announces 50 MB and sends 1 KB: refused at once, without HQ waiting for (or holding) the rest.
    const answer = (path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: Number(port),
            path,
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': String(50 * 1024 * 1024),
              ...headers,
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on('error', reject);
        req.write('{"v":1,"rows":[' + ' '.repeat(1024));
      });
    expect(await answer('/sync/v1/push', {})).toBe(401);
    expect(await answer('/sync/v1/push', { Authorization: 'Bearer forged' })).toBe(401);
    const big = await fetch(`${hq.url}/sync/v1/enrol`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(400);
  }, 20_000);
});

/**
 * The office bundle exchange at HQ: a signed file from an office computer is checked, merged batch by
 * batch as over HTTP, and answered by a bundle HQ signs.
 */
import {
  MAX_BATCH_ROWS,
  OfficeBundlePayloadSchema,
  PROTOCOL_VERSION,
  type BundleFilesAnswer,
  type BundleFilesRequest,
  type PullResponse,
} from '../../shared/sync/protocol';
import { BUNDLE_FILE_BYTES } from '../sync/files';
import { BundleError, readBundle, signBundle, verifiedPayload } from '../sync/signing';
import { HqError, type HqNode } from './error';
import type { Hq } from './service';

/**
 * An office's bundle: checked against the sending computer's public key, merged batch by batch as
 * over HTTP, answered by a bundle signed by HQ with what HQ holds for the office from its cursor.
 */
export async function importOfficeBundle(hq: Hq, text: string): Promise<string> {
  let bundle;
  try {
    bundle = readBundle(text);
  } catch (e) {
    throw new HqError(400, e instanceof Error ? e.message : String(e));
  }
  const node = await hq.nodeById(bundle.from);
  if (node.officeId !== bundle.officeId)
    throw new HqError(403, 'the bundle names another office than its sender’s');
  let payload;
  try {
    payload = OfficeBundlePayloadSchema.parse(verifiedPayload(bundle, node.publicKey));
  } catch (e) {
    throw new HqError(
      403,
      e instanceof BundleError ? e.message : 'the bundle’s contents are not an office batch',
    );
  }
  if (payload.node !== node.node) throw new HqError(403, 'the bundle’s contents name another computer');
  for (const push of payload.pushes) await hq.push(node, push);
  const pulls: PullResponse[] = [];
  for (let cursor = payload.cursor, more = true; more;) {
    const page = await hq.pull(node, { v: PROTOCOL_VERSION, cursor, limit: MAX_BATCH_ROWS });
    pulls.push(page);
    cursor = page.cursor;
    more = page.more;
  }
  const files = payload.files ? await exchangeFiles(hq, node, payload.files) : undefined;
  const acknowledges = {
    rows: payload.pushes.flatMap((p) =>
      p.rows.map((r) => ({ t: r.t, id: r.id, h: r.h, ...(r.b ? { b: r.b } : {}) })),
    ),
    conflicts: payload.pushes.flatMap((p) =>
      p.conflicts.map((c) => ({ id: c.id, resolvedAt: c.resolvedAt })),
    ),
  };
  const answer = { kind: 'hq', node: hq.node, acknowledges, pulls, ...(files ? { files } : {}) };
  return signBundle(node.officeId, 'hq', answer, hq.privateKey);
}

/** The bundle's files kept as if sent over HTTP; the answer carries the wanted ones HQ holds. */
async function exchangeFiles(hq: Hq, node: HqNode, req: BundleFilesRequest): Promise<BundleFilesAnswer> {
  for (const f of req.items) await hq.putFile(node, { v: PROTOCOL_VERSION, ...f });
  const items: BundleFilesAnswer['items'] = [];
  let bytes = 0;
  for (const sha256 of req.wanted) {
    if (bytes >= BUNDLE_FILE_BYTES) break;
    const data = await hq.fileOf(node.officeId, sha256);
    if (!data) continue;
    items.push({ sha256, dataBase64: data.toString('base64') });
    bytes += data.length;
  }
  return { upTo: req.upTo, ...(req.more ? { more: req.more } : {}), items };
}

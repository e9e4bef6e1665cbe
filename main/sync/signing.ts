import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { BundleSchema, PROTOCOL_VERSION, type Bundle } from '../../shared/sync/protocol';

/**
 * Bundles are signed with Ed25519 (node:crypto), not an HMAC: the signer keeps its private key and the
 * other side stores only the public one, so HQ's database (which keeps the office's token as a hash)
 * holds nothing that could forge an office's bundle, and an office holds nothing that could forge HQ's.
 */

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

export function signBundle(officeId: string, from: string, payload: unknown, privateKeyDer: string): string {
  const text = JSON.stringify(payload);
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer, 'base64'), format: 'der', type: 'pkcs8' });
  const bundle: Bundle = {
    format: 'priemnaya-sync-bundle',
    v: PROTOCOL_VERSION,
    officeId,
    from,
    payload: text,
    signature: sign(null, Buffer.from(text, 'utf8'), key).toString('base64'),
  };
  return JSON.stringify(bundle);
}

/** Reads a bundle's envelope (who it claims to be from) without trusting it yet. */
export function readBundle(text: string): Bundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BundleError('the file is not a sync bundle (not JSON)');
  }
  const r = BundleSchema.safeParse(raw);
  if (!r.success) throw new BundleError('the file is not a sync bundle of this version');
  return r.data;
}

/** The payload, once the signature checks out with the expected signer's public key. */
export function verifiedPayload(bundle: Bundle, publicKeyDer: string): unknown {
  const key = createPublicKey({ key: Buffer.from(publicKeyDer, 'base64'), format: 'der', type: 'spki' });
  const ok = verify(null, Buffer.from(bundle.payload, 'utf8'), key, Buffer.from(bundle.signature, 'base64'));
  if (!ok)
    throw new BundleError('the bundle’s signature does not match: it was changed or is not from its sender');
  return JSON.parse(bundle.payload);
}

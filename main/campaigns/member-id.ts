import { createHash } from 'node:crypto';

/**
 * The member row's id for a contact in a campaign: a UUIDv7 whose time is the campaign's and whose other
 * bits are a hash of the pair. Two computers taking one person into one campaign write the same row.
 */
export function memberId(campaignId: string, contactId: string, salt = ''): string {
  const h = createHash('sha256').update(`${campaignId}\u001f${contactId}${salt}`).digest('hex');
  const variant = ((parseInt(h[3]!, 16) & 0x3) | 0x8).toString(16);
  const hex = campaignId.replace(/-/g, '').slice(0, 12) + '7' + h.slice(0, 3) + variant + h.slice(4, 19);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

import type { AppealStatus, Art11Warning, Channel } from '../api/appeals';

export function isOpenStatus(status: AppealStatus): boolean {
  return status !== 'closed';
}

/**
 * Art. 7 / Art. 11 part 1 of 59-FZ: a written appeal without the surname or without an address for the
 * reply gets no answer. The desk sees the warning; the save still goes through.
 */
export function art11Warnings(a: {
  lastName: string | null | undefined;
  address: string | null | undefined;
  email: string | null | undefined;
  channel: Channel;
  isAnonymous: boolean;
}): Art11Warning[] {
  const out: Art11Warning[] = [];
  if (a.isAnonymous || !a.lastName?.trim()) out.push('no_surname');
  const electronic = a.channel === 'email' || a.channel === 'web';
  const hasReplyAddress = electronic
    ? !!a.email?.trim() || !!a.address?.trim()
    : !!a.address?.trim() || !!a.email?.trim();
  if (!hasReplyAddress) out.push('no_reply_address');
  return out;
}

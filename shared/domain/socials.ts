/**
 * Social-network links of a contact, as typed and as kept: VK (a numeric id or a short name), Telegram (a
 * username), OK (a profile number or a short name). Pure: the card checks them as typed, the service
 * again before it writes.
 */
export const SOCIAL_NETWORKS = ['vk', 'telegram', 'ok'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

/** `https://vk.com/x`, `vk.ru/x`, `m.vk.com/x`, `@x`: the part after the host, without query or hash. */
function pathOf(raw: string, hosts: RegExp): string {
  let s = raw.trim().replace(/[?#].*$/, '');
  s = s.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  const m = hosts.exec(s);
  if (m) s = s.slice(m[0].length);
  return s.replace(/^@/, '').replace(/\/+$/, '');
}

const VK_HOSTS = /^(m\.)?vk\.(com|ru)\/?/i;
const TG_HOSTS = /^(t\.me|telegram\.me|telegram\.dog)\/?/i;
const OK_HOSTS = /^(m\.)?ok\.ru\/?/i;

/** The kept handle of a link, or null when the text is not one of that network. */
export function normalizeSocial(network: SocialNetwork, raw: string): string | null {
  if (network === 'vk') {
    const s = pathOf(raw, VK_HOSTS).toLowerCase();
    // A numeric id (id123) or a short name: letters, digits, dots and underscores, not only digits.
    if (/^id\d{1,12}$/.test(s)) return s;
    if (/^\d{1,12}$/.test(s)) return `id${s}`;
    return /^[a-z][a-z0-9_.]{1,31}$/.test(s) && !/[._]$/.test(s) ? s : null;
  }
  if (network === 'telegram') {
    const s = pathOf(raw, TG_HOSTS);
    // Telegram: 5–32 of Latin letters, digits and underscores, starting with a letter, not ending in one.
    return /^[a-z][a-z0-9_]{3,30}[a-z0-9]$/i.test(s) && !s.includes('__') ? s.toLowerCase() : null;
  }
  const s = pathOf(raw, OK_HOSTS).toLowerCase();
  const profile = /^(profile\/)?(\d{5,20})$/.exec(s);
  if (profile) return profile[2]!;
  return /^[a-z][a-z0-9_.]{1,49}$/.test(s) ? s : null;
}

/** The link that opens the profile. */
export function socialUrl(network: SocialNetwork, handle: string): string {
  if (network === 'vk') return `https://vk.com/${handle}`;
  if (network === 'telegram') return `https://t.me/${handle}`;
  return /^\d+$/.test(handle) ? `https://ok.ru/profile/${handle}` : `https://ok.ru/${handle}`;
}

/** How the card shows a handle: Telegram's with @. */
export function socialLabel(network: SocialNetwork, handle: string): string {
  return network === 'telegram' ? `@${handle}` : handle;
}

/**
 * A raw message as «Входящие» keeps it, parsed by mailparser: the sender's name and address, the text
 * (HTML made readable text when there is no plain part), the files, the thread's Message-IDs, and the
 * facts the sending side needs — an auto-reply, a delivery report's failed recipient and original
 * Message-ID. What cannot be parsed is taken all the same with the reason and the raw text.
 */
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { ATTACHMENT_MIMES, mimeByExtension, type AttachmentMime } from '../../../shared/api/attachments';
import type { IntakeProblem } from '../../../shared/api/mail-intake';
import { contentMatches } from '../../attachments/signature';

export interface ParsedFile {
  name: string;
  mime: string;
  data: Buffer;
  /** Of a type an appeal accepts, and its content is of that type. */
  attachable: boolean;
}

const isAccepted = (mime: string): mime is AttachmentMime =>
  (ATTACHMENT_MIMES as readonly string[]).includes(mime);

export interface Bounce {
  recipient: string | null;
  originalMessageId: string | null;
  action: string | null;
  status: string | null;
}

export interface ParsedMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromName: string | null;
  fromAddress: string | null;
  subject: string;
  sentAt: string | null;
  body: string;
  files: ParsedFile[];
  autoReply: boolean;
  bounce: Bounce | null;
  problem: IntakeProblem | null;
}

/** The text kept of a message that could not be parsed, and the longest body kept. */
const MAX_BODY_CHARS = 200_000;

/** The file's type as the office's attachments name it: the declared one, else the name's extension. */
export function fileMime(name: string, declared: string): string {
  const d = declared.toLowerCase();
  if (isAccepted(d)) return d;
  return mimeByExtension(name) ?? (d || 'application/octet-stream');
}

function firstAddress(
  a: AddressObject | AddressObject[] | undefined,
): { name: string; address: string } | null {
  const list = Array.isArray(a) ? a.flatMap((x) => x.value) : (a?.value ?? []);
  // A group's members are nested; the first mailbox with an address is the sender.
  for (const v of list) {
    if (v.address) return { name: v.name?.trim() ?? '', address: v.address.trim().toLowerCase() };
    for (const g of v.group ?? [])
      if (g.address) return { name: g.name ?? '', address: g.address.toLowerCase() };
  }
  return null;
}

function headerText(m: ParsedMail, name: string): string | null {
  const v = m.headers.get(name);
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
  return String(v);
}

/** RFC 3834's Auto-Submitted, and the older X-Autoreply / X-Autorespond / Precedence an auto-responder sets. */
function isAutoReply(m: ParsedMail): boolean {
  const auto = headerText(m, 'auto-submitted');
  if (auto && auto.trim().toLowerCase() !== 'no') return true;
  if (headerText(m, 'x-autoreply') || headerText(m, 'x-autorespond') || headerText(m, 'x-autoreply-from'))
    return true;
  const precedence = headerText(m, 'precedence')?.trim().toLowerCase();
  return precedence === 'auto_reply' || precedence === 'bulk' || precedence === 'junk';
}

/** RFC 3464 fields (`Name: value` lines, folded lines joined) of a delivery-status part. */
function dsnFields(text: string): Map<string, string>[] {
  return text
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n\s*\r?\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split(/\r?\n/)) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m) fields.set(m[1]!.toLowerCase(), m[2]!.trim());
      }
      return fields;
    })
    .filter((f) => f.size > 0);
}

const bareAddress = (v: string | undefined): string | null =>
  v
    ? v
        .replace(/^[^;]*;\s*/, '')
        .replace(/^<|>$/g, '')
        .trim()
        .toLowerCase() || null
    : null;

function bounceOf(m: ParsedMail, parts: Attachment[]): Bounce | null {
  const type = m.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const status = parts.find((a) => a.contentType === 'message/delivery-status');
  if (!status && !(type?.value === 'multipart/report' && type.params?.['report-type'] === 'delivery-status'))
    return null;
  const blocks = status ? dsnFields(status.content.toString('utf8')) : [];
  const recipient = blocks.find((b) => b.has('final-recipient') || b.has('original-recipient'));
  const original = parts.find(
    (a) => a.contentType === 'text/rfc822-headers' || a.contentType === 'message/rfc822',
  );
  const originalId = original
    ? (/^Message-ID:\s*(<[^>\r\n]+>)/im.exec(original.content.toString('utf8'))?.[1] ?? null)
    : null;
  return {
    recipient: bareAddress(recipient?.get('final-recipient') ?? recipient?.get('original-recipient')),
    originalMessageId: originalId,
    action: recipient?.get('action')?.toLowerCase() ?? null,
    status: recipient?.get('status') ?? null,
  };
}

const REPORT_PARTS = new Set(['message/delivery-status', 'text/rfc822-headers']);

function references(m: ParsedMail): string[] {
  const r = m.references;
  return (Array.isArray(r) ? r : r ? r.split(/\s+/) : []).filter(Boolean);
}

export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  let m: ParsedMail;
  try {
    m = await simpleParser(raw, {
      keepDeliveryStatus: true,
      skipImageLinks: true,
      // «Входящие» keep the text only: no HTML made of the text, no links found in it (a third of the time).
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 5e6,
    });
  } catch {
    return unparsed(raw);
  }
  const from = firstAddress(m.from);
  const bounce = bounceOf(m, m.attachments);
  const files: ParsedFile[] = [];
  let damaged = false;
  for (const a of m.attachments) {
    if (bounce && REPORT_PARTS.has(a.contentType)) continue;
    const name = a.filename?.trim() || `file-${files.length + 1}`;
    const mime = fileMime(name, a.contentType);
    // A part whose bytes are not what it declares (a broken transfer encoding) is kept, marked.
    const intact = a.content.length > 0 && (!isAccepted(mime) || contentMatches(mime, a.content));
    if (!intact) damaged = true;
    files.push({ name, mime, data: a.content, attachable: intact && isAccepted(mime) });
  }
  const body = (m.text ?? '').trim();
  return {
    messageId: m.messageId?.trim() || null,
    inReplyTo: m.inReplyTo?.trim() || null,
    references: references(m),
    fromName: from?.name || null,
    fromAddress: from?.address ?? null,
    subject: (m.subject ?? '').trim(),
    sentAt: m.date && !Number.isNaN(m.date.getTime()) ? m.date.toISOString() : null,
    body: body.slice(0, MAX_BODY_CHARS),
    files,
    autoReply: isAutoReply(m),
    bounce,
    problem: !from ? 'no_from' : damaged ? 'malformed' : null,
  };
}

/** A message mailparser refused: listed with its raw text, marked malformed. */
function unparsed(raw: Buffer): ParsedMessage {
  const text = raw.subarray(0, MAX_BODY_CHARS).toString('utf8');
  const header = (name: string): string | null =>
    new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(text.split(/\r?\n\r?\n/)[0] ?? '')?.[1]?.trim() ?? null;
  return {
    messageId: header('Message-ID'),
    inReplyTo: null,
    references: [],
    fromName: null,
    fromAddress:
      /<([^>\s]+@[^>\s]+)>|([^\s<>]+@[^\s<>]+)/
        .exec(header('From') ?? '')
        ?.slice(1)
        .find(Boolean) ?? null,
    subject: header('Subject') ?? '',
    sentAt: null,
    body: text,
    files: [],
    autoReply: false,
    bounce: null,
    problem: 'malformed',
  };
}

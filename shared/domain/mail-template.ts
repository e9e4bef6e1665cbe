/**
 * The text of an e-mail from a template with fields in double braces, «{{имя}}»: the card's letters and a
 * mailing's message. Field names are compared folded to lower case; a field the values lack becomes
 * empty text (a contact with no district gets no «{{район}}», not a placeholder in a voter's inbox).
 */
const FIELD = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function fillMailTemplate(
  text: string,
  values: Readonly<Record<string, string | null | undefined>>,
): string {
  return text.replace(FIELD, (_all, name: string) => values[name.toLowerCase()] ?? '');
}

/** The fields a template names, in the order they first appear. */
export function mailTemplateFields(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1]!.toLowerCase()))];
}

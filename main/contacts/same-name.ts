/** An imported row and a contact are one person only when their names agree. */

/** Words of a folded name, without the dots of initials. */
const nameWords = (key: string): string[] => key.split(/[\s.]+/).filter(Boolean);

/**
 * Whether a row's name can be the contact's: the same surname, and each given name agreeing where both
 * have one (an initial agrees with its name). A phone or an e-mail a family shares brings a row with
 * another name to a contact: that is another person, created and offered as a possible duplicate.
 */
export function sameName(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = nameWords(a);
  const y = nameWords(b);
  if (x[0] !== y[0]) return false;
  for (let i = 1; i < Math.min(x.length, y.length); i++)
    if (!x[i]!.startsWith(y[i]!) && !y[i]!.startsWith(x[i]!)) return false;
  return true;
}

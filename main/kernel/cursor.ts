import { ApiError } from '../../shared/api/define';

/**
 * Keyset paging: a page's cursor is the sort key of its last row (its values, then the id), opaque to the
 * caller. The next page starts after it, so rows added or removed meanwhile never shift a page.
 */
export type CursorValue = ReadonlyArray<string | null>;

export function encodeCursor(v: CursorValue): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

/** The cursor's values, checked against how many the list issues; anything else is refused. */
export function decodeCursor(c: string, length: number, list: string): Array<string | null> {
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === length &&
      v.every((x: unknown) => x === null || typeof x === 'string') &&
      typeof v[length - 1] === 'string'
    )
      return v as Array<string | null>;
  } catch {
    // falls through to the error below: a cursor is opaque and only ours are valid
  }
  throw new ApiError('validation', `cursor: not a cursor ${list} issued`, { field: 'cursor' });
}

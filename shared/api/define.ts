import { z } from 'zod';

export const ROLES = ['assistant', 'deputy', 'office_head', 'hq_analyst', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who may call a method: nobody signed in (`public`), anyone signed in, or the listed roles. */
export type Access = 'public' | 'signed_in' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  access: Access;
  /**
   * Reads run on a read-only handle; writes run in one transaction with history, change log and audit.
   * The kind is kept as a literal type, so the handler's context type follows from it.
   */
  kind: 'read' | 'write';
  /**
   * A read that is itself recorded (opening a card, printing personal data: 152-FZ Art. 19): its handler
   * gets the one write it needs, an audit entry, and nothing else.
   */
  audited?: true;
  input: I;
  output: O;
}

export function method<const D extends MethodDef>(def: D): D {
  return def;
}

export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_state',
  'locked',
  'applicant_match',
  'unknown_method',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiIssue {
  /** Dotted path of the offending field, e.g. `applicant.phone`. */
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** The first offending field, when the error is about one. */
  field?: string;
  issues?: ApiIssue[];
  details?: unknown;
}

/** Every transport returns this envelope, so a caller never sees an opaque remote error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; issues?: ApiIssue[]; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export function issuesFromZod(error: z.ZodError, prefix = ''): ApiIssue[] {
  return error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(input)',
    message: i.message,
  }));
}

export function validationError(error: z.ZodError): ApiError {
  const issues = issuesFromZod(error);
  const first = issues[0];
  return new ApiError('validation', first ? `${first.field}: ${first.message}` : 'invalid input', {
    field: first?.field,
    issues,
  });
}

/** HQ's refusal and the enrolled computer a request comes from: shared by the HQ service and its parts. */

/** Why HQ refuses: the HTTP status goes with it, the message is for the office's log and status. */
export class HqError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'HqError';
  }
}

export interface HqNode {
  node: string;
  officeId: string;
}

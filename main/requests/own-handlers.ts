/** The services behind the own-initiative requests' methods of the contract, spread into `api/handlers.ts`. */
import { jurisdiction, listOwnRequests } from './own-queries';
import {
  approveOwnRequest,
  cancelOwnRequest,
  createOwnRequest,
  recordOwnAnswer,
  resolveOwnRequest,
  returnOwnRequest,
  sendOwnRequest,
  setJurisdiction,
  submitOwnRequest,
  updateOwnRequest,
} from './own-requests';

export const ownRequestHandlers = {
  'ownRequests.create': createOwnRequest,
  'ownRequests.update': updateOwnRequest,
  'ownRequests.submit': submitOwnRequest,
  'ownRequests.approve': approveOwnRequest,
  'ownRequests.return': returnOwnRequest,
  'ownRequests.send': sendOwnRequest,
  'ownRequests.recordAnswer': recordOwnAnswer,
  'ownRequests.resolve': resolveOwnRequest,
  'ownRequests.cancel': cancelOwnRequest,
  'ownRequests.list': listOwnRequests,
  'ownRequests.jurisdiction': jurisdiction,
  'ownRequests.setJurisdiction': setJurisdiction,
} as const;

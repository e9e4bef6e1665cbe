import * as applications from './register';

/** The web reception's methods on the office's side. */
export const webApplicationHandlers = {
  'web.applications': applications.list,
  'web.application': applications.one,
  'web.register': applications.register,
  'web.dismiss': applications.dismiss,
} as const;

/**
 * The Content Security Policy of the renderer, one string for both shells: Electron sets it on its
 * window and the browser-mode server sends it with every HTML page. Inline styles stay allowed because
 * React's `style` props need them; scripts only come from our own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

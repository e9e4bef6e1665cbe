import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build` puts the renderer the tests serve. */
export const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

/** The README's pictures. */
export const SCREENSHOTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/screenshots',
);

import fs from 'node:fs';
import path from 'node:path';
import { RENDERER_DIR } from './paths';

/** The tests serve the built renderer; without a build every test would meet a blank page. */
export default function globalSetup(): void {
  if (fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  const e = new Error(`${RENDERER_DIR} is missing: run "npx vite build" first (npm run test:e2e does both)`);
  e.stack = e.message;
  throw e;
}

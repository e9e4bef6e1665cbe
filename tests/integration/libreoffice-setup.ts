import { findSoffice, requirePoppler } from './libreoffice';

/** The document tests print through LibreOffice: without it the run stops at once, with one line. */
export default function globalSetup(): void {
  findSoffice();
  requirePoppler();
}

import { findSoffice, requireCalc, requirePoppler } from './libreoffice';

/** The document tests print through LibreOffice (and open spreadsheets in Calc): without it the run stops at once, with one line. */
export default function globalSetup(): void {
  requireCalc(findSoffice());
  requirePoppler();
}

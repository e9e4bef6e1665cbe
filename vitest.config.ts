import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', '{main,shared,db}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // No global setup: the tests that print check LibreOffice and poppler at their first conversion
    // (tests/integration/libreoffice.ts), and `npm test` installs them beforehand (scripts/system-deps.mjs).
  },
});

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'coverage', 'test-results', 'playwright-report', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // The pure domain: no Node, no DOM, no database, no Electron.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins' },
            {
              group: ['**/main/**', '**/db/**', '**/renderer/**', 'electron', 'better-sqlite3', 'react'],
              message: 'shared/ imports neither main/, db/, renderer/ nor platform packages',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/main/**', '**/renderer/**'],
              message: 'db/ knows nothing of Electron, services or the UI',
            },
          ],
        },
      ],
    },
  },
  {
    // No import circle between files of main/ or of the renderer: a read model must not pull in the
    // write modules that import it back. `npm run lint` fails on the first circle it finds.
    files: ['main/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Transports (Electron's IPC and window, HTTP, the command line) turn requests into API calls:
    // they reach the database only through services, never db/ itself.
    files: ['main/transport/**/*.ts', 'main/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', 'better-sqlite3', 'pg', 'kysely'],
              message: 'a transport calls services and the contract, never db/ or a driver',
            },
          ],
        },
      ],
    },
  },
  {
    // Domains and the wings know nothing of how they are called: no transport, no Electron.
    files: ['main/**/*.ts'],
    ignores: ['main/transport/**', 'main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/transport/**', '**/app/**', 'electron'],
              message: 'a service is called through the API; it imports no transport and no Electron',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/db/**', 'electron', 'better-sqlite3', ...nodeBuiltins],
              message: 'the renderer talks to main only through the API contract',
            },
          ],
        },
      ],
    },
  },
);

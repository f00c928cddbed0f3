// ESLint: TypeScript rules plus the runtime boundaries of the README's architecture section, enforced per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** no-restricted-imports for one side of a boundary. */
function boundary(files, { paths = [], patterns = [], why }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: paths.map((name) => ({ name, message: why })),
          patterns: patterns.map((group) => ({ group: [group], message: why })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', 'bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Build and helper scripts run in plain Node.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  boundary(['shared/**/*.{ts,tsx}'], {
    paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'lowdb', 'better-sqlite3'],
    patterns: ['**/core/**', '**/renderer/**', '**/electron/**', 'lowdb/*'],
    why: 'shared/ runs anywhere: no Node, DOM, Electron, React or core imports (README, Architecture).',
  }),
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  boundary(['renderer/**/*.{ts,tsx}'], {
    paths: [...nodeBuiltins, 'electron', 'lowdb', 'better-sqlite3'],
    patterns: ['**/core/**', '**/electron/**', 'lowdb/*'],
    why: 'renderer/ talks to the core only through the contract and a transport: no Node, Electron or core imports.',
  }),
  boundary(['core/**/*.ts'], {
    paths: ['electron', 'react', 'react-dom'],
    patterns: ['**/renderer/**', '**/electron/**'],
    why: 'core/ is plain Node: the same code runs in the Electron main process, the HTTP server and tests.',
  }),
  boundary(['electron/preload.ts'], {
    paths: nodeBuiltins,
    patterns: ['**/core/**', '**/renderer/**'],
    why: 'The sandboxed preload can only use electron; it exposes invoke and on, nothing else.',
  }),
);

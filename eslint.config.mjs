// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Workflow code runs in Temporal's deterministic sandbox and is bundled into it together with domain/.
// Node built-ins there either fail at bundle time or break replay, so they are banned outright.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// activities/options.ts and contract.ts are imported by workflows, so they obey the same rules.
const sandboxedFiles = [
  'workflows/**/*.ts',
  'domain/**/*.ts',
  'activities/options.ts',
  'activities/contract.ts',
  'test/lint-fixtures/workflows/**/*.ts',
];

// Layers (README "Architecture"): infra/ may import the app's runtime contracts (config/), never the
// reverse; shared pure helpers live in lib/, which imports nothing but domain/; the client side (api, cli,
// cases, local) reaches side effects only through Temporal, never by importing activities/.
// Lint fixtures under test/lint-fixtures/<folder>/ are linted as if they lived in <folder>/.
const APP_FOLDERS = [
  'activities',
  'api',
  'bench',
  'cases',
  'cli',
  'config',
  'console',
  'domain',
  'lib',
  'local',
  'observability',
  'policy',
  'simulators',
  'toolchain',
  'workers',
  'workflows',
];
const asTargets = (folders) => folders.flatMap((folder) => [`./${folder}`, `./test/lint-fixtures/${folder}`]);
const layerZones = [
  {
    target: asTargets(APP_FOLDERS),
    from: './infra',
    message:
      'The app never imports infra/: put the shared contract in config/ (infra may import it from there).',
  },
  {
    target: asTargets(['api', 'cli', 'cases', 'local']),
    from: './activities',
    message:
      'Client-side code does not import activities/: shared helpers belong in lib/, side effects run in the worker.',
  },
  {
    target: asTargets(['lib']),
    from: APP_FOLDERS.filter((folder) => folder !== 'lib' && folder !== 'domain').map(
      (folder) => `./${folder}`,
    ),
    message: 'lib/ holds shared pure helpers: it may import domain/ and packages only.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'scratch/**',
      'dist/**',
      'cdk.out/**',
      '.toolchain/**',
      '.data/**',
      'coverage/**',
      'test/lint-fixtures/**',
      'test/fixtures/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Without these, import-x reads only .js modules and so never follows a .ts import chain.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: sandboxedFiles,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Node built-ins are not allowed in workflow or domain code: do this in an activity.',
          })),
          patterns: [
            {
              // activities/contract (types) and activities/options (plain data) are the only exceptions.
              regex: '(^|/)activities(/(?!(contract|options)$)[^/]+)*$',
              allowTypeImports: true,
              message: 'Workflows import activities type-only and call them through proxyActivities.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No process in workflow code.' },
        { name: 'require', message: 'No require in workflow code.' },
        { name: 'setImmediate', message: 'Use workflow timers (sleep/condition) in workflow code.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Dependencies point one way (docs/architecture.md): apps -> read-model, application -> event-store, domain.
 * Each lib's block lists everything it may not import, because a later block replaces an earlier one's
 * `no-restricted-imports` for the files both match.
 */
const LIB_BANS = [
  { group: ['**/apps/**'], message: 'libs never import from apps' },
  { group: ['@nestjs/*'], message: 'libs never depend on NestJS' },
];
const libRule = (...bans) => ['error', { patterns: [...LIB_BANS, ...bans] }];
const otherLibs = (libs, why) => ({ group: libs.map((lib) => `@coop/${lib}`), message: why });
const production = { ignores: ['libs/**/*.spec.ts', 'libs/**/testing/**'] };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['libs/**/*.ts'], ...production, rules: { 'no-restricted-imports': libRule() } },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': libRule(
        otherLibs(['event-store', 'read-model', 'application'], 'the domain imports no other lib'),
        { group: ['node:*', 'fs', 'path', 'better-sqlite3'], message: 'the domain is pure: no I/O' },
      ),
    },
  },
  {
    files: ['libs/event-store/**/*.ts'],
    rules: {
      'no-restricted-imports': libRule(
        otherLibs(['domain', 'read-model', 'application'], 'the event store knows nothing of the domain'),
      ),
    },
  },
  {
    files: ['libs/application/**/*.ts'],
    ...production,
    rules: { 'no-restricted-imports': libRule(otherLibs(['read-model'], 'the application layer reads no read model')) },
  },
  {
    files: ['libs/read-model/**/*.ts'],
    ...production,
    rules: { 'no-restricted-imports': libRule(otherLibs(['application'], 'the read model only projects events')) },
  },
  {
    // The console is a client of the public API like any other: it imports nothing of the service.
    files: ['apps/console/**/*.ts', 'apps/console/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@coop/*', '**/libs/**', '**/apps/api/**'], message: 'the console only uses the public API' },
            { group: ['node:*', '@nestjs/*'], message: 'the console runs in the browser' },
          ],
        },
      ],
    },
  },
);

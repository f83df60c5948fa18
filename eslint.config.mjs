// npm run lint: typescript-eslint's recommended rules for all code, with Lit's and web components'
// rules for the browser packages. Type-free rules only, so it stays quick on two cores.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';

const browserCode = ['packages/elements/src/**/*.ts', 'packages/inbox/src/**/*.ts', 'packages/embed/src/**/*.ts'];

export default tseslint.config(
  {ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.test-results/**', 'examples/npm-app/public/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {languageOptions: {globals: {...globals.node, ...globals.browser}}},
  // TypeScript checks names itself; ESLint's no-undef does not know type-only globals.
  {files: ['**/*.ts'], rules: {'no-undef': 'off'}},
  // We match control characters on purpose: to refuse or strip them from text people send.
  {rules: {'no-control-regex': 'off'}},
  // A leading underscore says "unused on purpose" (a loop that only counts, a field left out of a copy).
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true},
      ],
    },
  },
  // Chai's assertions are property reads (`expect(x).to.be.true`).
  {files: ['**/*.test.ts', '**/test-helpers.ts', 'tests/**/*.ts'], rules: {'@typescript-eslint/no-unused-expressions': 'off'}},
  {files: browserCode, ...litConfigs['flat/recommended']},
  {files: browserCode, ...wcConfigs['flat/recommended']},
  // One way to declare reactive properties: the decorators (`@property()`, `@state()`), each beside its
  // field and its JSDoc, never a `static properties` table as well.
  {
    files: browserCode,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "PropertyDefinition[static=true][key.name='properties']",
          message: 'Declare reactive properties with @property() or @state() on the field (one way, house style).',
        },
      ],
    },
  },
);

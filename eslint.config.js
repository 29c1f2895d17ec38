// The house rules as tooling (architecture.md): layers that may not import each other, React's
// hook rules, and Chinese UI text only in each feature's text module.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `import` paths a layer may not reach: each zone names the rule and why. */
const forbid = (...patterns) => ['error', { patterns }];
const group = (pattern, message) => ({ group: [pattern], message });

const CJK = '/[\\u3400-\\u9fff\\uff01-\\uff5e\\u3000-\\u303f]/';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `void promise` marks a deliberate fire-and-forget; `(a, b)` pairs side effects in handlers.
      'no-void': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Chinese typography uses the ideographic space (U+3000) inside text on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // Stripping control characters from input is what those expressions are for.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic two: the React Compiler's stricter rules do not fit dnd-kit's and Lexical's ref-based APIs.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': forbid(
        group('**/electron/**', 'The renderer reaches the core through the contract (lib/api.ts), never by import.'),
        group('better-sqlite3', 'The renderer has no database.'),
        group('electron', 'The renderer runs sandboxed: Electron comes through the preload only.'),
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(group('electron', 'The core is plain Node: it never imports Electron.')),
    },
  },
  {
    files: ['electron/core/services/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        group('electron', 'The core is plain Node: it never imports Electron.'),
        group('**/db/migrations/**', 'Migrations are history: services read the schema, never a migration module.'),
      ),
    },
  },
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        group(
          '**/contract/**',
          'Pure rules know nothing of the calls: the contract builds on the domain, not the reverse.',
        ),
      ),
    },
  },
  {
    // UI text lives in each feature's text module (text.ts); the domain values compared against, in lib/values.ts.
    files: ['renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${CJK}]`, message: '界面文字请放在本功能的 text.ts 中。' },
        { selector: `TemplateElement[value.raw=${CJK}]`, message: '界面文字请放在本功能的 text.ts 中。' },
        { selector: `JSXText[value=${CJK}]`, message: '界面文字请放在本功能的 text.ts 中。' },
      ],
    },
  },
  prettier,
);

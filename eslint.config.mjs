// Lint for tib's TypeScript. Formatting is prettier's job (npm run format); this keeps
// correctness rules and the package/stage boundaries the architecture depends on.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports a folder of core must not make: the pipeline runs one way. */
const boundary = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message: why })) }],
  },
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'packages/core/src/generated/**',
      'packages/core/src/types/**',
      '**/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      // tib matches control characters on purpose: they are what it refuses and strips.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/*/test/**/*.ts', 'packages/*/test-integration/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-regex-spaces': 'off' },
  },
  // core is pure and knows nothing of the packages built on it.
  boundary(
    ['packages/core/src/**/*.ts'],
    ['@tib/runner', '@tib/verify', '@tib/cli', 'execa', 'node:child_process', 'node:fs', 'fs', 'child_process'],
    'core is pure: no processes, no file system, no upper packages',
  ),
  boundary(
    ['packages/runner/src/**/*.ts', 'packages/verify/src/**/*.ts'],
    ['@tib/cli', '**/cli/src/**'],
    'the CLI sits on top: runner and verify never import it',
  ),
  boundary(['packages/runner/src/**/*.ts'], ['@tib/verify', '**/verify/src/**'], 'runner and verify are siblings'),
  boundary(['packages/verify/src/**/*.ts'], ['@tib/runner', '**/runner/src/**'], 'runner and verify are siblings'),
);

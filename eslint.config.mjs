// Lint for tib's TypeScript. Formatting is prettier's job (npm run format); this keeps
// correctness rules and the package/stage boundaries the architecture depends on.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports the files must not make, each group with the reason shown when one is made. */
const restrict = (files, groups) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: groups.flatMap(([forbidden, why]) => forbidden.map((group) => ({ group: [group], message: why }))) },
    ],
  },
});

const CORE_PURE = ['@tib/runner', '@tib/verify', '@tib/cli', 'execa', 'node:child_process', 'node:fs', 'fs', 'child_process'];
const PURE_WHY = 'core is pure: no processes, no file system, no upper packages';
/**
 * A folder of core: the stages it must not import, plus core's purity (ESLint replaces a
 * rule per file rather than merging, so each folder's list carries both).
 */
const stage = (dir, forbidden, why) =>
  restrict(
    [`packages/core/src/${dir}/**/*.ts`],
    [
      [forbidden, why],
      [CORE_PURE, PURE_WHY],
    ],
  );
const FOUNDATIONS = ['facts', 'load', 'catalog', 'dib', 'layout', 'diagnostics', 'schema', 'util'];

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
  restrict(['packages/core/src/**/*.ts'], [[CORE_PURE, PURE_WHY]]),
  // core's pipeline runs one way: load → validate → resolve → plan → render. validate and
  // resolve share facts/ and load/, and neither imports the other; planning designs, and
  // rendering comes after it.
  stage('validate', ['**/resolve/**', '**/plan/**', '**/render/**'], 'validate runs before resolve, plan and render'),
  stage(
    'resolve',
    ['**/validate/**', '**/plan/**', '**/render/**'],
    'resolve uses facts/ and load/, not validate/; it runs before plan and render',
  ),
  stage('plan', ['**/validate/**', '**/render/**'], 'planning is pure design: render/ comes after it'),
  ...FOUNDATIONS.map((dir) =>
    stage(
      dir,
      ['**/validate/**', '**/resolve/**', '**/plan/**', '**/render/**', '**/compile'],
      'shared foundations import no pipeline stage',
    ),
  ),
  // The CLI sits on top: runner and verify never import it, nor each other.
  restrict(
    ['packages/runner/src/**/*.ts'],
    [[['@tib/cli', '**/cli/src/**', '@tib/verify', '**/verify/src/**'], 'runner imports only core']],
  ),
  restrict(
    ['packages/verify/src/**/*.ts'],
    [[['@tib/cli', '**/cli/src/**', '@tib/runner', '**/runner/src/**'], 'verify imports only core']],
  ),
);

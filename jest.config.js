/** Jest runs the TypeScript sources directly (ts-jest, CommonJS); `@tib/*` imports resolve to src/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleNameMapper: { '^@tib/(core|runner|verify|cli)$': '<rootDir>/packages/$1/src/index.ts', '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['<rootDir>/test-support/jest-env.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/fixtures/'],
  // Plumbing tests start the CLI and bash scripts; on a busy 2-core host that takes seconds.
  testTimeout: 120000,
};

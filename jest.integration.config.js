/**
 * Integration tests: real DIB builds, real images, libguestfs and QEMU. They need root,
 * loop devices and minutes, so they stay out of `npm test`; `.ci/run` runs them with
 * `npm run test:integration`.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/test-integration/**/*.test.ts'],
  testTimeout: 60 * 60 * 1000,
  maxWorkers: 1,
};

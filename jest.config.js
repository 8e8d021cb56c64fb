/**
 * Three projects: `unit` (pure code, no servers), `integration` (real Temporal dev server, S3 server and
 * simulators started once by the global setup; time-skipping servers started per test file) and `infra`
 * (CDK synth, cdk-nag, cfn-lint, checkov) and `simulation` (the seeded case simulator on a time-skipping
 * server). Select one with `npx jest --selectProjects unit`.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
};
const common = {
  testEnvironment: 'node',
  transform,
  testTimeout: 120000,
  rootDir: __dirname,
  testMatch: ['**/*.test.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  maxWorkers: 2,
  // Longest suites first (test/support/longest-first-sequencer.js): a fresh clone has no timings of its own.
  testSequencer: '<rootDir>/test/support/longest-first-sequencer.js',
  reporters: ['default', '<rootDir>/test/support/servers/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      globalSetup: '<rootDir>/test/support/servers/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/servers/test-process-setup.ts'],
      globalTeardown: '<rootDir>/test/support/servers/global-teardown.ts',
    },
    { ...common, displayName: 'infra', roots: ['<rootDir>/test/infra'] },
    // The case simulator: its own time-skipping server, no shared servers (test/simulation/README.md).
    {
      ...common,
      displayName: 'simulation',
      roots: ['<rootDir>/test/simulation'],
      setupFiles: ['<rootDir>/test/simulation/setup-runtime.ts'],
    },
  ],
};

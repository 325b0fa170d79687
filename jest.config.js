/** Two tiers run by `npm test`: pure unit tests beside the code, and end-to-end
 * tests in test/ that drive the built API, a real PostgreSQL and real clients.
 * A third, `npm run chaos`, holds the fault scripts too long to run on every change. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** ESM-only packages Jest's CommonJS runtime cannot load as they are: compiled like our own sources. */
const transformIgnorePatterns = ['/node_modules/(?!(temporal-polyfill|temporal-utils|temporal-spec)/)'];

const moduleNameMapper = {
  '^@pourline/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@pourline/contracts$': '<rootDir>/libs/contracts/src/index.ts',
};

module.exports = {
  maxWorkers: 2,
  // End-to-end suites start servers and browsers; unit tests finish in milliseconds anyway.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'chaos',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.chaos.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper,
    },
  ],
};

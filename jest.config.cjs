// @ts-check
/** @typedef {import('jest').Config} Config */

/** @type {Config['moduleNameMapper']} */
const moduleNameMapper = {
  '^@coop/(application|domain|event-store|read-model)$': '<rootDir>/libs/$1/src/index.ts',
  '^@coop/(application|domain|event-store|read-model)/(.*?)(\\.js)?$': '<rootDir>/libs/$1/src/$2',
  // Sources import their siblings by the emitted name (`./x.js`), as ESM requires.
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

/** @type {Config['transform']} */
const transform = {
  // tsconfig's isolatedModules makes ts-jest transpile file by file, which keeps the suite fast;
  // type errors are caught once by `npm run typecheck`.
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', useESM: true }],
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform,
};

/** @type {Config} */
module.exports = {
  // A generous bound only to stop a hang: CI machines are shared and slow at times.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};

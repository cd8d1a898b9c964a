import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: `unit` (pure lib code in Node, plus DOM code on happy-dom), and `browser`
// (the built extension in real Chromium/Firefox; slow, run one file at a time).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/dom/**/*.test.{ts,tsx}', 'server/tests/**/*.test.ts'],
          environment: 'node',
          globals: true,
          setupFiles: ['tests/helpers/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the e2e extension (Chrome + Firefox) once per run; see tests/e2e/README.md.
          globalSetup: ['tests/e2e/helpers/global-setup.ts'],
          environment: 'node',
          globals: true,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

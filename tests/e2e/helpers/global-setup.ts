// Vitest globalSetup of the `browser` project: builds the e2e extension once per run, for both
// browsers, before any test file starts, and hands the folders to the tests via provide/inject.
// Set POLICY_LENS_E2E_SKIP_BUILD=1 to reuse existing .output/*-e2e folders while iterating.
import type { TestProject } from 'vitest/node';
import { buildExtension, findOutputDir, type BrowserName } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the Chrome e2e build. */
    chromeExtension: string;
    /** Absolute path of the Firefox e2e build. */
    firefoxExtension: string;
  }
}

function get(browser: BrowserName): string {
  if (process.env.POLICY_LENS_E2E_SKIP_BUILD === '1') {
    const dir = findOutputDir(browser);
    if (dir) return dir;
  }
  return buildExtension(browser);
}

export default function setup(project: TestProject): void {
  project.provide('chromeExtension', get('chrome'));
  project.provide('firefoxExtension', get('firefox'));
}

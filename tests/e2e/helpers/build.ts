// Builds the extension for end-to-end tests (`wxt build --mode e2e`) and finds the output folder.
// WXT names it `<browser>-mv<N>-<mode>` (see wxt/dist/core/resolve-config.mjs: `modeSuffix`), and
// the manifest version depends on the config (WXT defaults Firefox to MV2), so the folder is
// found after the build instead of being assumed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

export type BrowserName = 'chrome' | 'firefox';

/** The newest `.output/<browser>-mv*-<mode>` folder holding a manifest, or undefined. */
export function findOutputDir(browser: BrowserName, mode = 'e2e'): string | undefined {
  const base = path.join(ROOT, '.output');
  if (!fs.existsSync(base)) return undefined;
  const suffix = mode === 'production' ? '' : `-${mode}`;
  const pattern = new RegExp(`^${browser}-mv\\d${suffix.replace(/[-]/g, '\\-')}$`);
  const candidates = fs
    .readdirSync(base)
    .filter((name) => pattern.test(name) && fs.existsSync(path.join(base, name, 'manifest.json')))
    .map((name) => ({ dir: path.join(base, name), mtime: fs.statSync(path.join(base, name, 'manifest.json')).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  return candidates[0]?.dir;
}

/** Runs `wxt build` for one browser in `mode`; returns the absolute output folder. Throws on failure. */
export function buildExtension(browser: BrowserName, mode = 'e2e'): string {
  const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : []), '--mode', mode];
  const started = Date.now();
  const result = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    throw new Error(`npx ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const dir = findOutputDir(browser, mode);
  if (!dir) throw new Error(`npx ${args.join(' ')} succeeded but no .output/${browser}-mv*-${mode}/manifest.json was found`);
  console.log(`[e2e] built ${path.relative(ROOT, dir)} in ${Date.now() - started} ms`);
  return dir;
}

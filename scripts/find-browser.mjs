// Finds the system browsers used by the end-to-end tests and the demo.
// Order: an explicit environment variable, then the Debian package names on PATH.
// Never a hard-coded install path: CI machines and developer laptops differ.
import fs from 'node:fs';
import path from 'node:path';

/** Absolute path of `name` on PATH, or undefined (a tiny `which`, without a child process). */
export function which(name, envPath = process.env.PATH ?? '') {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

function find(envVar, names, label, hint) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    try {
      fs.accessSync(fromEnv, fs.constants.X_OK);
      return fromEnv;
    } catch {
      throw new Error(`${label} not found: ${envVar}=${fromEnv} is not an executable file. ${hint}`);
    }
  }
  for (const name of names) {
    const found = which(name);
    if (found) return found;
  }
  throw new Error(`${label} not found: ${hint} (looked for ${names.join(', ')} on PATH)`);
}

/** Path of a Chromium executable; throws a readable error when there is none. */
export function findChromium() {
  return find(
    'CHROMIUM_PATH',
    ['chromium', 'chromium-browser'],
    'Chromium',
    "install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH",
  );
}

/** Path of a Firefox executable (ESR preferred); throws a readable error when there is none. */
export function findFirefox() {
  return find(
    'FIREFOX_PATH',
    ['firefox-esr', 'firefox'],
    'Firefox',
    "install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH",
  );
}

// `node scripts/find-browser.mjs` prints both, for debugging a CI machine.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, fn] of [['chromium', findChromium], ['firefox', findFirefox]]) {
    try {
      console.log(`${label}: ${fn()}`);
    } catch (err) {
      console.log(`${label}: ${err.message}`);
      process.exitCode = 1;
    }
  }
}

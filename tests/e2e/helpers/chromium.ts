// Launches headless Chromium with the built extension (playwright-core + Debian's chromium).
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { findChromium } from '../../../scripts/find-browser.mjs';

export interface ExtensionProblem {
  kind: 'pageerror' | 'console' | 'worker';
  url: string;
  text: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://ID` */
  extensionOrigin: string;
  /** Every uncaught page error and console error seen so far (all pages, all worlds). */
  problems: ExtensionProblem[];
  /** Problems whose text or stack points at the extension (its origin or its content script). */
  extensionProblems(): ExtensionProblem[];
  newPage(): Promise<Page>;
  /**
   * Opens the popup as an ordinary tab (chrome-extension://ID/popup.html). The popup then is the
   * active tab, so its "This page" view cannot see a web page: tests use its "All pages" view, and
   * call `page.bringToFront()` before checking a page repaints (hidden tabs get no animation frames).
   */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Absolute path of the unpacked extension (e.g. the `.output/chrome-mv3-e2e` folder). */
  extensionPath: string;
  /** Origins requests may go to (the local test server); everything else is aborted. */
  allowOrigins: string[];
  /** BCP 47 locale for the browser UI and navigator.language (the extension UI is asserted in English). */
  locale?: string;
}

const EXTENSION_MARKERS = ['chrome-extension://', 'content-scripts/', 'policy-lens', 'policyLens'];

export const mentionsExtension = (p: Pick<ExtensionProblem, 'text'>): boolean =>
  EXTENSION_MARKERS.some((m) => p.text.includes(m));

export async function launchExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const ext = options.extensionPath;
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    locale: options.locale ?? 'en-US',
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      `--lang=${options.locale ?? 'en-US'}`,
    ],
  });

  const problems: ExtensionProblem[] = [];
  try {
    // Block everything that is not the local server; extension and inline URLs are not network.
    const allowed = (url: string) =>
      options.allowOrigins.some((o) => url.startsWith(o + '/') || url === o) ||
      /^(chrome-extension|data|blob|about):/.test(url);
    await context.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));

    // (CDP below already sees main-world errors; this listener is kept for its parsed stacks.)
    const watch = (page: Page) => {
      page.on('pageerror', (err) =>
        problems.push({ kind: 'pageerror', url: page.url(), text: `${err.message}\n${err.stack ?? ''}` }),
      );
    };
    // Playwright reports the main world; content scripts run in an isolated world, whose
    // exceptions and console errors CDP's Runtime domain reports for every context of the page.
    const watchAllWorlds = async (page: Page) => {
      try {
        const cdp = await context.newCDPSession(page);
        cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
          const frames = (d.stackTrace?.callFrames ?? []).map((f) => `${f.functionName} ${f.url}:${f.lineNumber}`);
          problems.push({
            kind: 'pageerror',
            url: page.url(),
            text: [d.exception?.description ?? d.text, d.url ?? '', ...frames].join('\n'),
          });
        });
        cdp.on('Runtime.consoleAPICalled', ({ type, args, stackTrace, executionContextId }) => {
          if (type !== 'error' && type !== 'assert') return;
          const text = args.map((a) => a.value ?? a.description ?? '').join(' ');
          const frames = (stackTrace?.callFrames ?? []).map((f) => f.url).join(' ');
          problems.push({ kind: 'console', url: page.url(), text: `${text}\n at ${frames} (context ${executionContextId})` });
        });
        await cdp.send('Runtime.enable');
      } catch {
        // the page closed before the session attached
      }
    };
    context.pages().forEach(watch);
    context.pages().forEach((p) => void watchAllWorlds(p));
    context.on('page', (p) => void watchAllWorlds(p));
    context.on('page', watch);

    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;
    // The background's console errors (its uncaught exceptions are not reported to Playwright).
    worker.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') problems.push({ kind: 'worker', url: worker.url(), text: `${msg.text()} (${extensionOrigin})` });
    });

    return {
      context,
      extensionId,
      extensionOrigin,
      problems,
      extensionProblems: () => problems.filter(mentionsExtension),
      newPage: () => context.newPage(),
      async openPopup() {
        const page = await context.newPage();
        await page.goto(`${extensionOrigin}/popup.html`);
        return page;
      },
      close: () => context.close(),
    };
  } catch (err) {
    await context.close();
    throw err;
  }
}

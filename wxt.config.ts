import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LANGUAGES, loadMessages } from './scripts/locales';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: MV3 (event-page background), like Chrome.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // POLICY_LENS_NO_MINIFY=1: readable names in CPU profiles (scripts/bench/analysis-profile.ts).
    ...(process.env.POLICY_LENS_NO_MINIFY === '1' ? { build: { minify: false } } : {}),
  }),
  hooks: {
    // Locale sources are split per area (locales/<lang>/*.json); the browser wants one file.
    'build:publicAssets': (wxt, files) => {
      for (const lang of LANGUAGES) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: JSON.stringify(loadMessages(`${wxt.config.root}/locales`, lang), null, 1),
        });
      }
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    permissions: ['storage', 'contextMenus', 'activeTab'],
    // Strict: only the extension's own scripts, no eval, no remote code.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandHighlight__',
      },
      'toggle-list': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandToggleList__',
      },
    },
    // e2e builds only: Firefox's WebDriver BiDi cannot open moz-extension:// pages directly, so
    // tests reach the popup from a web page (TOOLCHAIN pitfall 6). Never in real builds.
    ...(mode === 'e2e' ? { web_accessible_resources: [{ resources: ['popup.html'], matches: ['http://127.0.0.1/*'] }] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'policy-lens@policy-lens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

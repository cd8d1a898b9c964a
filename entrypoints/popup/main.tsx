/** Popup bootstrap: builds the API and translator from the browser, then renders. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import type { Translate } from '../../lib/i18n';
import { createPopupApi } from './api';
import './style.css';

function start(root: HTMLElement) {
  // WXT types getMessage only for the predefined @@ names (our messages are merged at build time).
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;
  const t: Translate = (key, substitutions) => getMessage(key, substitutions) || key;
  const locale = browser.i18n.getUILanguage();
  document.documentElement.lang = locale;
  document.documentElement.dir = getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = t('extName');
  render(<PopupApp api={createPopupApi()} t={t} locale={locale} onRevealed={() => window.close()} />, root);
}

start(document.getElementById('app')!);

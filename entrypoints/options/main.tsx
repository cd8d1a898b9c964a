/** Settings page bootstrap: builds the storage API and translator from the browser, then renders. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SettingsForm } from '../../components/SettingsForm';
import { translatorFrom } from '../../lib/i18n';
import { createSettingsApi } from './settings-api';
import './style.css';

function start(root: HTMLElement) {
  // WXT types getMessage only for the predefined @@ names (our messages are merged at build time).
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;
  const t = translatorFrom(getMessage);
  const locale = browser.i18n.getUILanguage();
  document.documentElement.lang = locale;
  document.documentElement.dir = getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = t('optionsTitle');
  render(<SettingsForm api={createSettingsApi()} t={t} locale={locale} />, root);
}

start(document.getElementById('app')!);

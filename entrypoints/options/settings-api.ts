/** The settings page's SettingsApi over `storage.sync`, where the content script reads them. */
import { browser } from 'wxt/browser';
import type { SettingsApi } from '../../components/settings-api';
import { SETTINGS_STORAGE_KEY, parseSettings } from '../../lib/settings';

/** The part of a storage area this needs (a parameter so tests can pass a failing one). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function createSettingsApi(area: SettingsArea = browser.storage.sync): SettingsApi {
  return {
    load: async () => parseSettings((await area.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]),
    save: (settings) => area.set({ [SETTINGS_STORAGE_KEY]: settings }),
  };
}

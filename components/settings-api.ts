/**
 * What the settings page needs from the extension (types only). The real implementation
 * (entrypoints/options/settings-api.ts) reads and writes `storage.sync`.
 */
import type { Settings } from '../lib/settings';

export interface SettingsApi {
  /** The stored settings, validated: damaged or missing values come back as defaults. */
  load(): Promise<Settings>;
  /** Stores the whole settings object (never a partial one, so readers see one consistent value). */
  save(settings: Settings): Promise<void>;
}

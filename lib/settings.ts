/**
 * The reader's settings (kept in `storage.sync`, which is small: settings only). Versioned:
 * `parseSettings` accepts any stored shape, keeps what is valid and fills the rest with defaults,
 * so a damaged or older value never breaks the extension.
 */
import { CLAIM_KINDS, type ClaimKind, type ClaimModeSetting } from './analysis/types';

/** The `storage.sync` key the settings live under (one object, written whole). */
export const SETTINGS_STORAGE_KEY = 'settings';

export interface AnalysisSettings {
  /** Run the automatic analysis on articles. */
  enabled: boolean;
  organizations: boolean;
  claims: boolean;
  kinds: Record<ClaimKind, boolean>;
  /** Claims scoring below this are not shown (0..1). */
  threshold: number;
  /**
   * Which sentences count as claims (lib/analysis/claims/register.ts): 'auto' reads it from the
   * page (a debate transcript gets check-worthy facts only), or always one convention.
   */
  convention: ClaimModeSetting;
}

export interface Settings {
  version: 1;
  analysis: AnalysisSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  analysis: {
    enabled: true,
    organizations: true,
    claims: true,
    kinds: { statistic: true, comparison: true, causal: true, prediction: true, position: true, fact: true },
    threshold: 0.5,
    convention: 'auto',
  },
};

export const CONVENTIONS: readonly ClaimModeSetting[] = ['auto', 'policy', 'checkworthy'];

const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);

export function parseSettings(raw: unknown): Settings {
  const d = DEFAULT_SETTINGS.analysis;
  const a = (typeof raw === 'object' && raw !== null ? (raw as { analysis?: unknown }).analysis : undefined) as
    | Partial<Record<keyof AnalysisSettings, unknown>>
    | undefined;
  if (!a || typeof a !== 'object') return structuredClone(DEFAULT_SETTINGS);
  const kindsRaw = (typeof a.kinds === 'object' && a.kinds !== null ? a.kinds : {}) as Record<string, unknown>;
  const kinds = Object.fromEntries(CLAIM_KINDS.map((k) => [k, bool(kindsRaw[k], d.kinds[k])])) as Record<ClaimKind, boolean>;
  const threshold = typeof a.threshold === 'number' && a.threshold >= 0 && a.threshold <= 1 ? a.threshold : d.threshold;
  return {
    version: 1,
    analysis: {
      enabled: bool(a.enabled, d.enabled),
      organizations: bool(a.organizations, d.organizations),
      claims: bool(a.claims, d.claims),
      kinds,
      threshold,
      convention: CONVENTIONS.includes(a.convention as ClaimModeSetting) ? (a.convention as ClaimModeSetting) : d.convention,
    },
  };
}

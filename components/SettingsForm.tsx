/**
 * The settings page: the automatic analysis on or off, what it suggests, which kinds of claim, and
 * the confidence below which claims are hidden. Every change is saved at once (the whole Settings
 * object) and confirmed in a polite live region; open pages re-analyse when the value changes.
 * Storage comes in through `api` (no browser API here) and every string through `t`.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { CLAIM_KINDS, type ClaimKind, type ClaimModeSetting } from '../lib/analysis/types';
import type { MessageKey, Translate } from '../lib/i18n';
import { CONVENTIONS, DEFAULT_SETTINGS, type AnalysisSettings, type Settings } from '../lib/settings';
import type { SettingsApi } from './settings-api';
import { createUi } from './ui-context';

export interface SettingsFormProps {
  api: SettingsApi;
  t: Translate;
  /** UI language (BCP 47), for numbers. */
  locale: string;
}

const CONVENTION_LABEL: Record<ClaimModeSetting, MessageKey> = {
  auto: 'optionsConventionAuto',
  policy: 'optionsConventionPolicy',
  checkworthy: 'optionsConventionCheckworthy',
};
const KIND_OPTION_LABEL: Record<ClaimKind, MessageKey> = {
  statistic: 'optionsKindStatistic',
  comparison: 'optionsKindComparison',
  causal: 'optionsKindCausal',
  prediction: 'optionsKindPrediction',
  position: 'optionsKindPosition',
  fact: 'optionsKindFact',
};

/** The slider works in whole percent, in steps of 5. */
const THRESHOLD_STEP = 5;

type Status = { kind: 'idle' | 'saving' | 'saved' | 'reset' } | { kind: 'error'; detail: string };

/** Slider value (0..100, snapped to the step) to the stored 0..1 threshold, and back. */
export function percentToThreshold(value: number): number {
  const snapped = Math.round(value / THRESHOLD_STEP) * THRESHOLD_STEP;
  return Math.min(100, Math.max(0, snapped)) / 100;
}
const thresholdToPercent = (threshold: number) => Math.round(threshold * 100);

export function SettingsForm({ api, t, locale }: SettingsFormProps) {
  const { formatNumber } = useMemo(() => createUi(t, locale), [t, locale]);
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Writes go one after another so a slow first write cannot land after, and undo, a later one.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const writeSeq = useRef(0);

  useEffect(() => {
    let live = true;
    api.load().then(
      (loaded) => {
        if (live) setSettings(loaded);
      },
      () => {
        if (!live) return;
        setLoadFailed(true);
        setSettings(structuredClone(DEFAULT_SETTINGS));
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  function persist(next: Settings, done: 'saved' | 'reset') {
    setSettings(next);
    const mine = ++writeSeq.current;
    setStatus({ kind: 'saving' });
    writes.current = writes.current.then(
      () =>
        api.save(next).then(
          () => {
            if (mine === writeSeq.current) setStatus({ kind: done });
          },
          (err: unknown) => {
            if (mine === writeSeq.current) setStatus({ kind: 'error', detail: err instanceof Error ? err.message : String(err) });
          },
        ),
    );
  }

  if (settings === null) {
    return (
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        <p role="status">{t('optionsLoading')}</p>
      </main>
    );
  }

  const a = settings.analysis;
  const update = (patch: Partial<AnalysisSettings>) => persist({ ...settings, analysis: { ...a, ...patch } }, 'saved');
  const percent = thresholdToPercent(a.threshold);
  const percentText = t('optionsThresholdValue', formatNumber(percent));

  const statusText =
    status.kind === 'saving'
      ? t('optionsSaving')
      : status.kind === 'saved'
        ? t('optionsSaved')
        : status.kind === 'reset'
          ? t('optionsResetDone')
          : status.kind === 'error'
            ? t('optionsErrorSave', status.detail)
            : '';

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {loadFailed && (
        <p class="warning" role="alert">
          {t('optionsErrorLoad')}
        </p>
      )}
      <form class="settings" aria-labelledby={`${id}-heading`} onSubmit={(e) => e.preventDefault()}>
        <h2 id={`${id}-heading`}>{t('optionsAnalysisHeading')}</h2>
        <p class="hint">{t('optionsAnalysisIntro')}</p>
        <Toggle label={t('optionsEnabled')} checked={a.enabled} onChange={(enabled) => update({ enabled })} />
        {/* A disabled fieldset disables everything in it: the sub-options only matter when their parent is on. */}
        <fieldset disabled={!a.enabled}>
          <legend>{t('optionsSuggestLegend')}</legend>
          <Toggle label={t('optionsOrganizations')} checked={a.organizations} onChange={(organizations) => update({ organizations })} />
          <Toggle
            label={t('optionsClaims')}
            hint={t('optionsClaimsHint')}
            checked={a.claims}
            onChange={(claims) => update({ claims })}
          />
          <fieldset disabled={!a.claims}>
            <legend>{t('optionsKindsLegend')}</legend>
            {CLAIM_KINDS.map((kind) => (
              <Toggle
                key={kind}
                label={t(KIND_OPTION_LABEL[kind])}
                checked={a.kinds[kind]}
                onChange={(on) => update({ kinds: { ...a.kinds, [kind]: on } })}
              />
            ))}
            <div class="field">
              <label for={`${id}-convention`}>{t('optionsConvention')}</label>
              <select
                id={`${id}-convention`}
                value={a.convention}
                aria-describedby={`${id}-convention-hint`}
                onChange={(e) => update({ convention: e.currentTarget.value as ClaimModeSetting })}
              >
                {CONVENTIONS.map((c) => (
                  <option key={c} value={c}>
                    {t(CONVENTION_LABEL[c])}
                  </option>
                ))}
              </select>
              <p class="hint" id={`${id}-convention-hint`}>
                {t('optionsConventionHint')}
              </p>
            </div>
            <div class="range">
              <label for={`${id}-threshold`}>{t('optionsThreshold')}</label>
              <div class="range-row">
                <input
                  type="range"
                  id={`${id}-threshold`}
                  min={0}
                  max={100}
                  step={THRESHOLD_STEP}
                  value={percent}
                  aria-valuetext={percentText}
                  aria-describedby={`${id}-threshold-hint`}
                  // Show the value while sliding; store it once the reader lets go (or per key press),
                  // as storage.sync limits writes per minute.
                  onInput={(e) => setSettings({ ...settings, analysis: { ...a, threshold: percentToThreshold(Number(e.currentTarget.value)) } })}
                  onChange={(e) => update({ threshold: percentToThreshold(Number(e.currentTarget.value)) })}
                />
                <output for={`${id}-threshold`} aria-hidden="true">
                  {percentText}
                </output>
              </div>
              <p class="hint" id={`${id}-threshold-hint`}>
                {t('optionsThresholdHint')}
              </p>
            </div>
          </fieldset>
        </fieldset>
        <div class="actions">
          <button type="button" onClick={() => persist(structuredClone(DEFAULT_SETTINGS), 'reset')}>
            {t('optionsReset')}
          </button>
        </div>
      </form>
      <p class={status.kind === 'error' ? 'save-status error' : 'save-status'} role="status" aria-live="polite">
        {statusText}
      </p>
    </main>
  );
}

interface ToggleProps {
  label: string;
  hint?: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

function Toggle({ label, hint, checked, onChange }: ToggleProps) {
  const id = useId();
  return (
    <div class="toggle">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

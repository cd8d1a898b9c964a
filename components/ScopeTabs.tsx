/**
 * "This page" / "All pages" as ARIA tabs (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/):
 * one tab stop, arrow keys / Home / End move and activate (automatic activation: switching is cheap).
 */
import { useRef } from 'preact/hooks';
import type { MessageKey } from '../lib/i18n';
import { useUi } from './ui-context';

export type Scope = 'page' | 'all';

const SCOPES: readonly { scope: Scope; label: MessageKey }[] = [
  { scope: 'page', label: 'popupTabThisPage' },
  { scope: 'all', label: 'popupTabAllPages' },
];

interface Props {
  scope: Scope;
  onChange(scope: Scope): void;
  /** id of the tab panel both tabs control. */
  panelId: string;
  idPrefix: string;
}

export function ScopeTabs({ scope, onChange, panelId, idPrefix }: Props) {
  const { t } = useUi();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent) {
    const current = SCOPES.findIndex((s) => s.scope === scope);
    let next: number;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (current + 1) % SCOPES.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (current - 1 + SCOPES.length) % SCOPES.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = SCOPES.length - 1;
    else return;
    event.preventDefault();
    onChange(SCOPES[next]!.scope);
    refs.current[next]?.focus();
  }

  return (
    <div class="tabs" role="tablist" aria-label={t('popupTabsLabel')} onKeyDown={onKeyDown}>
      {SCOPES.map((s, i) => {
        const selected = s.scope === scope;
        return (
          <button
            key={s.scope}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-${s.scope}`}
            class="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(s.scope)}
          >
            {t(s.label)}
          </button>
        );
      })}
    </div>
  );
}

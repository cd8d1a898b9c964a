/** "On this page: N highlights" and how they anchored, for the active tab. */
import type { CurrentTab } from './popup-api';
import { ANCHOR_STATUSES, STATUS_NAME } from './labels';
import { useUi } from './ui-context';

interface Props {
  /** undefined while loading; null when no page could be read. */
  tab: CurrentTab | null | undefined;
}

export function PageSummary({ tab }: Props) {
  const { t, formatNumber, plural } = useUi();
  if (tab === undefined) return <p class="summary">{t('popupLoading')}</p>;
  // No page id and no analysis: no content script answered. A page id is only null otherwise
  // because the page has no highlights yet (visits alone are not recorded).
  if (!tab || (!tab.pageId && !tab.analysis)) return <p class="summary">{t('popupNotActive')}</p>;
  const total = ANCHOR_STATUSES.reduce((sum, s) => sum + (tab.counts[s] ?? 0), 0);
  return (
    <div class="summary">
      <p class="summary-total">{plural(total, 'popupOnPageOne', 'popupOnPageOther')}</p>
      {total > 0 && (
        <ul class="summary-counts" aria-label={t('popupCountsLabel')}>
          {ANCHOR_STATUSES.filter((s) => tab.counts[s] > 0).map((s) => (
            <li key={s} class={`count count-${s}`}>
              {t('popupCountItem', [t(STATUS_NAME[s]), formatNumber(tab.counts[s])])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

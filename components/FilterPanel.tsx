/** Tag, colour and anchoring-status filters, folded away in a disclosure to save room. */
import { COLORS, type AnchorStatus, type ColorName } from '../lib/model';
import type { QueryResult } from '../lib/protocol';
import { CheckboxGroup, type CheckboxOption } from './CheckboxGroup';
import { ANCHOR_STATUSES, COLOR_LABEL, STATUS_NAME } from './labels';
import { Swatch } from './Swatch';
import { useUi } from './ui-context';

export interface Filters {
  tags: string[];
  colors: ColorName[];
  statuses: AnchorStatus[];
}

export const NO_FILTERS: Filters = { tags: [], colors: [], statuses: [] };

export function activeFilterCount(f: Filters): number {
  return f.tags.length + f.colors.length + f.statuses.length;
}

interface Props {
  filters: Filters;
  onChange(filters: Filters): void;
  /** Tags used in the current scope, with counts. */
  tags: QueryResult['tags'];
}

export function FilterPanel({ filters, onChange, tags }: Props) {
  const { t, formatNumber } = useUi();
  const active = activeFilterCount(filters);

  // Selected tags stay listed even when the new scope does not use them, so they can be unticked.
  const tagOptions: CheckboxOption[] = tags.map((tag) => ({
    value: tag.name,
    label: t('popupTagWithCount', [tag.name, formatNumber(tag.count)]),
  }));
  for (const name of filters.tags) {
    if (!tags.some((tag) => tag.name === name)) tagOptions.push({ value: name, label: name });
  }

  return (
    <details class="filters">
      <summary>{active ? t('popupFiltersActive', formatNumber(active)) : t('popupFilters')}</summary>
      <div class="filters-body">
        <CheckboxGroup
          legend={t('popupFilterColor')}
          name="color"
          options={COLORS.map((c) => ({ value: c, label: t(COLOR_LABEL[c]), decoration: <Swatch color={c} /> }))}
          selected={filters.colors}
          onChange={(colors) => onChange({ ...filters, colors: colors as ColorName[] })}
        />
        <CheckboxGroup
          legend={t('popupFilterStatus')}
          name="status"
          options={ANCHOR_STATUSES.map((s) => ({ value: s, label: t(STATUS_NAME[s]) }))}
          selected={filters.statuses}
          onChange={(statuses) => onChange({ ...filters, statuses: statuses as AnchorStatus[] })}
        />
        {tagOptions.length > 0 ? (
          <CheckboxGroup
            legend={t('popupFilterTags')}
            name="tag"
            options={tagOptions}
            selected={filters.tags}
            onChange={(selected) => onChange({ ...filters, tags: selected })}
          />
        ) : (
          <p class="hint">{t('popupNoTags')}</p>
        )}
        {active > 0 && (
          <button type="button" class="link-button" onClick={() => onChange(NO_FILTERS)}>
            {t('popupClearFilters')}
          </button>
        )}
      </div>
    </details>
  );
}

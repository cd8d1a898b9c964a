/** How an annotation anchored at the last visit: "exact", "moved", "fuzzy 87%", "not found". */
import type { AnchorReport } from '../lib/model';
import { anchorLabel } from './labels';
import { useUi } from './ui-context';

export function StatusBadge({ anchor }: { anchor: AnchorReport | undefined }) {
  const { t } = useUi();
  return <span class={`status status-${anchor?.status ?? 'unknown'}`}>{anchorLabel(t, anchor)}</span>;
}

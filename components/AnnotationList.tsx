/** The result list, with a "Show more" button for offset paging (only ~50 items are rendered at first). */
import type { AnnotationView } from '../lib/protocol';
import { AnnotationItem } from './AnnotationItem';
import type { AnnotationPatch } from './popup-api';
import { useUi } from './ui-context';

interface Props {
  items: AnnotationView[];
  total: number;
  loadingMore: boolean;
  editingId: string | null;
  savingId: string | null;
  showPage: boolean;
  onShowMore(): void;
  onReveal(view: AnnotationView): void;
  onEdit(id: string | null): void;
  onSave(id: string, patch: AnnotationPatch): void;
  onDelete(view: AnnotationView): void;
  label: string;
}

export function AnnotationList(props: Props) {
  const { t, formatNumber } = useUi();
  const { items, total } = props;
  const remaining = total - items.length;
  return (
    <>
      <ul class="list" aria-label={props.label}>
        {items.map((view) => {
          const id = view.annotation.id;
          return (
            <AnnotationItem
              key={id}
              view={view}
              showPage={props.showPage}
              editing={props.editingId === id}
              saving={props.savingId === id}
              onReveal={() => props.onReveal(view)}
              onEdit={() => props.onEdit(id)}
              onCancelEdit={() => props.onEdit(null)}
              onSave={(patch) => props.onSave(id, patch)}
              onDelete={() => props.onDelete(view)}
            />
          );
        })}
      </ul>
      {remaining > 0 && (
        <button type="button" class="show-more" disabled={props.loadingMore} onClick={props.onShowMore}>
          {props.loadingMore ? t('popupLoading') : t('popupShowMore', formatNumber(remaining))}
        </button>
      )}
    </>
  );
}

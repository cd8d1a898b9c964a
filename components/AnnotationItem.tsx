/**
 * One annotation in the list. The quote is a button: activating it (click, Enter, Space) reveals
 * the highlight on its page. User and page text are rendered as text nodes only.
 */
import { useId } from 'preact/hooks';
import { COLOR_HEX, noteOf, quoteOf, tagsOf } from '../lib/model';
import type { AnnotationView } from '../lib/protocol';
import { AnnotationEditor } from './AnnotationEditor';
import { COLOR_LABEL } from './labels';
import type { AnnotationPatch } from './popup-api';
import { ProvenanceLine } from './ProvenanceLine';
import { StatusBadge } from './StatusBadge';
import { Swatch } from './Swatch';
import { useUi } from './ui-context';

interface Props {
  view: AnnotationView;
  editing: boolean;
  saving: boolean;
  onReveal(): void;
  onEdit(): void;
  onCancelEdit(): void;
  onSave(patch: AnnotationPatch): void;
  onDelete(): void;
  /** Whether to show the page title (the "All pages" tab). */
  showPage: boolean;
}

export function AnnotationItem({ view, editing, saving, onReveal, onEdit, onCancelEdit, onSave, onDelete, showPage }: Props) {
  const { t, formatDate } = useUi();
  const id = useId();
  const a = view.annotation;
  const quote = quoteOf(a);
  const note = noteOf(a);
  const tags = tagsOf(a);
  const status = a.anchor?.status;
  const found = a.anchor?.foundText;
  const showFound = (status === 'fuzzy' || status === 'moved') && !!found && found !== quote;
  const orphan = status === 'orphan';

  return (
    <li class={orphan ? 'item item-orphan' : 'item'} data-annotation-id={a.id}>
      <button type="button" class="item-reveal" id={`${id}-quote`} onClick={onReveal} aria-describedby={`${id}-meta`}>
        <span class="quote" style={{ borderInlineStartColor: COLOR_HEX[a.color] }}>
          {quote}
        </span>
      </button>
      {orphan && <p class="hint orphan-hint">{t('popupOrphanHint')}</p>}
      {showFound && (
        <p class="found">
          <span class="found-label">{t('popupFoundText')}</span> <span class="found-text">{found}</span>
        </p>
      )}
      {note && <p class="note">{note}</p>}
      {tags.length > 0 && (
        <ul class="tags" aria-label={t('popupTagsListLabel')}>
          {tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {a.provenance && <ProvenanceLine provenance={a.provenance} />}
      <p class="meta" id={`${id}-meta`}>
        <Swatch color={a.color} label={t(COLOR_LABEL[a.color])} />
        <StatusBadge anchor={a.anchor} />
        {showPage && view.pageTitle && <span class="page-title">{view.pageTitle}</span>}
        <time dateTime={a.modified}>{formatDate(a.modified)}</time>
      </p>
      <div class="item-actions">
        <button type="button" aria-expanded={editing} aria-describedby={`${id}-quote`} onClick={editing ? onCancelEdit : onEdit}>
          {t('popupEdit')}
        </button>
        <button type="button" class="danger" aria-describedby={`${id}-quote`} onClick={onDelete}>
          {t('popupDelete')}
        </button>
      </div>
      {editing && <AnnotationEditor annotation={a} saving={saving} onSave={onSave} onCancel={onCancelEdit} />}
    </li>
  );
}

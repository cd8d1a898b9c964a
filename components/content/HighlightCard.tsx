import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { MAX_NOTE_LENGTH, noteOf, tagsOf, type Annotation, type ColorName } from '@/lib/model';
import { ColorPicker } from './ColorPicker';
import { TagInput } from './TagInput';
import type { Rect } from './types';

export interface CardPosition {
  rect: Rect | null;
  viewport: { width: number; height: number };
}

const WIDTH = 300;

/** Places the card below the selection, or above it when there is no room; clamped to the viewport. */
export function placeCard({ rect, viewport }: CardPosition, height: number): { top: number; left: number } {
  if (!rect) return { top: 16, left: Math.max(8, viewport.width - WIDTH - 16) };
  const left = Math.min(Math.max(8, rect.left), Math.max(8, viewport.width - WIDTH - 8));
  const below = rect.bottom + 8;
  const top = below + height > viewport.height && rect.top - height - 8 > 0 ? rect.top - height - 8 : below;
  return { top: Math.max(8, Math.min(top, viewport.height - 40)), left };
}

interface NewProps {
  t: Translate;
  position: CardPosition;
  suggestions: string[];
  /** Creates the highlight with what was typed so far. */
  onCreate: (color: ColorName, note: string, tags: string[]) => void;
  onClose: () => void;
}

/** The toolbar shown over a selection: one click on a colour highlights. */
export function SelectionToolbar({ t, position, suggestions, onCreate, onClose }: NewProps) {
  const id = useId();
  const [note, setNote] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const { top, left } = placeCard(position, 56);
  return (
    <div
      class="pl-panel pl-toolbar"
      role="toolbar"
      aria-label={t('contentToolbarLabel')}
      style={{ top: `${top}px`, left: `${left}px` }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      // Keep the page's selection while the reader clicks in the toolbar.
      onMouseDown={(e) => (e.target as HTMLElement).localName === 'button' && e.preventDefault()}
    >
      <ColorPicker t={t} selected={null} onPick={(c) => onCreate(c, note, tags)} />
      <details class="pl-more">
        <summary>{t('contentNoteLabel')}</summary>
        <label for={`${id}-note`}>{t('contentNoteLabel')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={MAX_NOTE_LENGTH} placeholder={t('contentNotePlaceholder')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <TagInput t={t} tags={tags} suggestions={suggestions} onChange={setTags} />
      </details>
    </div>
  );
}

interface EditProps {
  t: Translate;
  annotation: Annotation;
  position: CardPosition;
  suggestions: string[];
  focusNote: boolean;
  /** Text the highlight is attached to now, when it differs from the stored quote. */
  foundText?: string;
  statusLabel: string;
  onChange: (patch: { color?: ColorName; note?: string; tags?: string[] }) => Promise<boolean>;
  onDelete: () => void;
  onClose: () => void;
}

/** The card of an existing highlight: colour, note, tags, delete. */
export function HighlightCard({ t, annotation, position, suggestions, focusNote, foundText, statusLabel, onChange, onDelete, onClose }: EditProps) {
  const id = useId();
  const [note, setNote] = useState(noteOf(annotation));
  const [tags, setTags] = useState(tagsOf(annotation));
  const [saved, setSaved] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusNote) noteRef.current?.focus();
    else rootRef.current?.querySelector<HTMLElement>('[role=radio][tabindex="0"]')?.focus();
  }, [annotation.id]);
  const dirty = note !== noteOf(annotation) || tags.join('\u0000') !== tagsOf(annotation).join('\u0000');
  const save = async () => {
    if (await onChange({ note, tags })) setSaved(true);
  };
  const { top, left } = placeCard(position, 280);
  return (
    <div
      ref={rootRef}
      class="pl-panel pl-card"
      role="dialog"
      aria-labelledby={`${id}-title`}
      style={{ top: `${top}px`, left: `${left}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
      }}
    >
      <div class="pl-card-head">
        <h2 id={`${id}-title`}>{t('contentCardLabel')}</h2>
        <span class="pl-status">{statusLabel}</span>
        <button type="button" class="pl-close" aria-label={t('contentClose')} onClick={onClose}>
          ×
        </button>
      </div>
      {foundText !== undefined && (
        <div class="pl-diff">
          <p>{t('contentWasText', annotation.target.selector[0].exact)}</p>
          <p>{t('contentNowText', foundText)}</p>
        </div>
      )}
      <ColorPicker t={t} selected={annotation.color} onPick={(color) => void onChange({ color })} />
      <label for={`${id}-note`}>{t('contentNoteLabel')}</label>
      <textarea
        id={`${id}-note`}
        ref={noteRef}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        placeholder={t('contentNotePlaceholder')}
        value={note}
        onInput={(e) => {
          setNote(e.currentTarget.value);
          setSaved(false);
        }}
      />
      <TagInput
        t={t}
        tags={tags}
        suggestions={suggestions}
        onChange={(next) => {
          setTags(next);
          setSaved(false);
        }}
      />
      <div class="pl-actions">
        <button type="button" class="pl-primary" disabled={!dirty} onClick={() => void save()}>
          {t('contentSave')}
        </button>
        <button type="button" class="pl-danger" onClick={onDelete}>
          {t('contentDelete')}
        </button>
        <span role="status" class="pl-saved">
          {saved && !dirty ? t('contentSaved') : ''}
        </span>
      </div>
    </div>
  );
}

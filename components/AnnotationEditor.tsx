/** Inline editor for one annotation: colour, note and tags. Escape cancels. */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { COLORS, MAX_NOTE_LENGTH, noteOf, tagsOf, type Annotation, type ColorName } from '../lib/model';
import { COLOR_LABEL } from './labels';
import type { AnnotationPatch } from './popup-api';
import { Swatch } from './Swatch';
import { useUi } from './ui-context';

interface Props {
  annotation: Annotation;
  saving: boolean;
  onSave(patch: AnnotationPatch): void;
  onCancel(): void;
}

/** "a, b ,, c" → ["a", "b", "c"] (the background de-duplicates by tag key). */
export function parseTags(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function AnnotationEditor({ annotation, saving, onSave, onCancel }: Props) {
  const { t } = useUi();
  const id = useId();
  const [color, setColor] = useState<ColorName>(annotation.color);
  const [note, setNote] = useState(noteOf(annotation));
  const [tags, setTags] = useState(tagsOf(annotation).join(', '));
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => noteRef.current?.focus(), []);

  return (
    <form
      class="editor"
      aria-label={t('popupEditorLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ color, note, tags: parseTags(tags) });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <fieldset class="color-choice">
        <legend>{t('popupColorLegend')}</legend>
        {COLORS.map((c) => (
          <label key={c} class="color-option">
            <input type="radio" name={`${id}-color`} value={c} checked={color === c} onChange={() => setColor(c)} />
            <Swatch color={c} />
            <span class="visually-hidden">{t(COLOR_LABEL[c])}</span>
          </label>
        ))}
      </fieldset>
      <label for={`${id}-note`}>{t('popupNoteLabel')}</label>
      <textarea
        id={`${id}-note`}
        ref={noteRef}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <label for={`${id}-tags`}>{t('popupTagsLabel')}</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tags}
        aria-describedby={`${id}-tags-hint`}
        onInput={(e) => setTags(e.currentTarget.value)}
      />
      <p id={`${id}-tags-hint`} class="hint">
        {t('popupTagsHint')}
      </p>
      <div class="editor-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('popupSaving') : t('popupSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popupCancel')}
        </button>
      </div>
    </form>
  );
}

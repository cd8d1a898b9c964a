/**
 * Polite live region announcing a delete, with its Undo button. The region is always rendered so
 * screen readers are already watching it when the message appears.
 */
import type { Ref } from 'preact';
import { useUi } from './ui-context';

interface Props {
  /** The deleted annotation's quote, or null when there is nothing to undo. */
  deletedQuote: string | null;
  /** Set after an undo, to confirm it. */
  restored: boolean;
  onUndo(): void;
  buttonRef: Ref<HTMLButtonElement>;
}

const QUOTE_PREVIEW = 60;

export function UndoNotice({ deletedQuote, restored, onUndo, buttonRef }: Props) {
  const { t } = useUi();
  const preview = deletedQuote && deletedQuote.length > QUOTE_PREVIEW ? `${deletedQuote.slice(0, QUOTE_PREVIEW)}…` : deletedQuote;
  return (
    <div class="undo" role="status" aria-live="polite">
      {preview !== null && (
        <>
          <span>{t('popupDeleted', preview)}</span>{' '}
          <button type="button" ref={buttonRef} onClick={onUndo}>
            {t('popupUndo')}
          </button>
        </>
      )}
      {preview === null && restored && <span>{t('popupRestored')}</span>}
    </div>
  );
}

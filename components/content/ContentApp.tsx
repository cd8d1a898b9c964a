import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import type { Store } from '@/lib/store';
import type { ColorName } from '@/lib/model';
import { anchorLabel } from '../labels';
import { HighlightCard, SelectionToolbar } from './HighlightCard';
import { HighlightList } from './HighlightList';
import { SuggestionCard, type Correction } from './SuggestionCard';
import { SuggestionList } from './SuggestionList';
import type { PageEntry, UiState } from './types';

export interface ContentActions {
  create: (color: ColorName, note: string, tags: string[]) => void;
  update: (id: string, patch: { color?: ColorName; note?: string; tags?: string[] }) => Promise<boolean>;
  remove: (id: string) => void;
  restore: (id: string) => void;
  closeEditor: () => void;
  openEditor: (id: string) => void;
  focusEntry: (id: string) => void;
  closeList: () => void;
  openList: () => void;
  dismissToast: () => void;
  viewport: () => { width: number; height: number };
  acceptSuggestion: (key: string, correction?: Correction) => void;
  dismissSuggestion: (key: string) => void;
  undismissSuggestion: (key: string) => void;
  closeSuggestion: () => void;
  revealSuggestion: (key: string) => void;
  /** Whether an open suggestion card should take focus (keyboard, popup) or not (hover). */
  suggestionTakesFocus: () => boolean;
}

interface Props {
  t: Translate;
  store: Store<UiState>;
  actions: ContentActions;
}

export function statusOf(t: Translate, e: PageEntry): string {
  if (!e.match) return t('statusUnknown');
  return anchorLabel(t, { status: e.match.status, confidence: e.match.confidence, checkedAt: '' });
}

/** Everything the content script shows in the page, inside its shadow root. */
export function ContentApp({ t, store, actions }: Props) {
  const [state, setState] = useState(store.get());
  useEffect(() => store.subscribe(setState), [store]);
  const { editor, toast } = state;
  const editing = editor?.mode === 'edit' ? state.entries.find((e) => e.annotation.id === editor.id) : undefined;
  const card = state.suggestionCard;
  const suggestion = card ? state.suggestions.find((s) => s.key === card.key) : undefined;
  return (
    <>
      {editor?.mode === 'new' && (
        <SelectionToolbar
          t={t}
          position={{ rect: editor.rect, viewport: actions.viewport() }}
          suggestions={state.tagSuggestions}
          onCreate={actions.create}
          onClose={actions.closeEditor}
        />
      )}
      {editing && editor?.mode === 'edit' && (
        <HighlightCard
          key={editing.annotation.id}
          t={t}
          annotation={editing.annotation}
          position={{ rect: editor.rect, viewport: actions.viewport() }}
          suggestions={state.tagSuggestions}
          focusNote={editor.focusNote}
          statusLabel={statusOf(t, editing)}
          {...(editing.foundText !== undefined ? { foundText: editing.foundText } : {})}
          onChange={(patch) => actions.update(editing.annotation.id, patch)}
          onDelete={() => actions.remove(editing.annotation.id)}
          onClose={actions.closeEditor}
        />
      )}
      {suggestion && card && !editor && (
        <SuggestionCard
          key={suggestion.key}
          t={t}
          suggestion={suggestion}
          position={{ rect: card.rect, viewport: actions.viewport() }}
          takeFocus={actions.suggestionTakesFocus()}
          onAccept={(correction) => actions.acceptSuggestion(suggestion.key, correction)}
          onDismiss={() => actions.dismissSuggestion(suggestion.key)}
          onClose={actions.closeSuggestion}
        />
      )}
      {state.listOpen && (
        <HighlightList
          t={t}
          entries={state.entries}
          focusedId={state.focusedId}
          paintSupported={state.paintSupported}
          statusLabel={(e) => statusOf(t, e)}
          onFocusEntry={actions.focusEntry}
          onOpen={actions.openEditor}
          onClose={actions.closeList}
        >
          {state.analysis && <SuggestionList t={t} analysis={state.analysis} onOpen={actions.revealSuggestion} />}
        </HighlightList>
      )}
      <div class="pl-toast-region" role="status" aria-live="polite">
        {toast && (
          <div class={`pl-toast${toast.kind === 'error' ? ' pl-error' : ''}`}>
            {toast.kind === 'deleted' && (
              <>
                <span>{t('contentDeleted')}</span>
                <button type="button" onClick={() => actions.restore(toast.id)}>
                  {t('contentUndo')}
                </button>
              </>
            )}
            {toast.kind === 'restored' && <span>{t('contentRestored')}</span>}
            {toast.kind === 'dismissed' && (
              <>
                <span>{t('suggestDismissed')}</span>
                <button type="button" onClick={() => actions.undismissSuggestion(toast.key)}>
                  {t('contentUndo')}
                </button>
              </>
            )}
            {toast.kind === 'changed' && (
              <>
                <span>{t('contentChangedNotice', [String(toast.moved), String(toast.lost)])}</span>
                <button type="button" onClick={actions.openList}>
                  {t('contentChangedShow')}
                </button>
              </>
            )}
            {toast.kind === 'error' && <span>{t('contentError', toast.message)}</span>}
            <button type="button" class="pl-close" aria-label={t('contentClose')} onClick={actions.dismissToast}>
              ×
            </button>
          </div>
        )}
      </div>
    </>
  );
}

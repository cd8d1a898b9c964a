import type { ComponentChildren } from 'preact';
import type { Translate } from '@/lib/i18n';
import { COLOR_HEX, noteOf, quoteOf } from '@/lib/model';
import type { PageEntry } from './types';

interface Props {
  t: Translate;
  entries: PageEntry[];
  focusedId: string | null;
  paintSupported: boolean;
  statusLabel: (entry: PageEntry) => string;
  /** Moving through the list scrolls the page to each highlight. */
  onFocusEntry: (id: string) => void;
  onOpen: (id: string) => void;
  onClose: () => void;
  /** More sections (the automatic suggestions). */
  children?: ComponentChildren;
}

/**
 * The accessible list of this page's highlights (the Highlight API paints nothing a screen reader
 * sees): each is a button; focusing one scrolls to it, Enter opens its card. Orphans are listed
 * apart with their stored quote.
 */
export function HighlightList({ t, entries, focusedId, paintSupported, statusLabel, onFocusEntry, onOpen, onClose, children }: Props) {
  const found = entries.filter((e) => e.match && e.match.status !== 'orphan');
  const orphans = entries.filter((e) => !e.match || e.match.status === 'orphan');
  const item = (e: PageEntry, anchored: boolean) => (
    <li key={e.annotation.id}>
      <button
        type="button"
        class={`pl-item${e.annotation.id === focusedId ? ' pl-focused' : ''}`}
        aria-current={e.annotation.id === focusedId ? 'true' : undefined}
        onFocus={() => anchored && onFocusEntry(e.annotation.id)}
        onClick={() => (anchored ? onOpen(e.annotation.id) : onFocusEntry(e.annotation.id))}
      >
        <span class="pl-dot" aria-hidden="true" style={{ background: COLOR_HEX[e.annotation.color] }} />
        <span class="pl-quote">{quoteOf(e.annotation)}</span>
        {noteOf(e.annotation) && <span class="pl-note">{noteOf(e.annotation)}</span>}
        <span class="pl-status">{statusLabel(e)}</span>
      </button>
    </li>
  );
  return (
    <section class="pl-panel pl-list" aria-labelledby="pl-list-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div class="pl-card-head">
        <h2 id="pl-list-title">{t('contentListTitle')}</h2>
        <button type="button" class="pl-close" aria-label={t('contentClose')} onClick={onClose}>
          ×
        </button>
      </div>
      {!paintSupported && <p class="pl-hint">{t('contentNoSupport')}</p>}
      <p class="pl-hint">{t('contentListCount', [String(found.length), String(orphans.length)])}</p>
      {entries.length === 0 && <p>{t('contentListEmpty')}</p>}
      {found.length > 0 && <ul class="pl-items">{found.map((e) => item(e, true))}</ul>}
      {orphans.length > 0 && (
        <>
          <h3>{t('contentListOrphans')}</h3>
          <ul class="pl-items">{orphans.map((e) => item(e, false))}</ul>
        </>
      )}
      {children}
    </section>
  );
}
